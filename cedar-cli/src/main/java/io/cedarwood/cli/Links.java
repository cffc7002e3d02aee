package io.cedarwood.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.ast.SlotId;
import io.cedarwood.engine.value.EntityUid;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference CLI's file of template-linked policies ({@code --template-linked}): a JSON array of
 * {@code {"template_id": "t", "link_id": "l", "args": {"?principal": "User::\"alice\""}}}. An empty file
 * holds no links.
 */
record Links(List<Link> links) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One link: the template, the new policy's id, and the slot values as written (uids in Cedar text). */
    record Link(String templateId, String linkId, Map<String, String> args) {
    }

    /**
     * Reads the file; a missing file is an error unless {@code missingIsEmpty} (for {@code link}, which
     * creates it).
     */
    static Links read(String file, boolean missingIsEmpty) {
        if (missingIsEmpty && !Files.exists(Path.of(file))) {
            return new Links(List.of());
        }
        String text = Cli.readFileOrStdin(file, "template-linked policies");
        if (text.isBlank()) {
            return new Links(List.of());
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new CedarException("failed to read the template-linked policies from `" + file + "`: "
                    + e.getOriginalMessage());
        }
        String where = "in the template-linked policies of `" + file + "`";
        if (!root.isArray()) {
            throw new CedarException("expected a JSON array " + where);
        }
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode link = root.get(i);
            String at = where + ", entry " + i;
            if (!link.isObject()) {
                throw new CedarException("expected a JSON object " + at);
            }
            links.add(new Link(text(link, "template_id", at), text(link, "link_id", at),
                    slotArguments(link.get("args"), "`args` " + at)));
        }
        return new Links(List.copyOf(links));
    }

    private static String text(JsonNode object, String key, String at) {
        JsonNode value = object.get(key);
        if (value == null || !value.isTextual()) {
            throw new CedarException("expected `" + key + "` to be a string " + at);
        }
        return value.asText();
    }

    /**
     * Slot values given as a JSON object of slot names to entity uids in Cedar text, e.g.
     * {@code {"?principal": "User::\"alice\""}}; {@code what} names where they come from in errors.
     */
    static Map<String, String> slotArguments(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new CedarException(what + " must be a JSON object of slot names to entity uids, "
                    + "e.g. {\"?principal\": \"User::\\\"alice\\\"\"}");
        }
        Map<String, String> args = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().isTextual()) {
                throw new CedarException(what + ": the value of `" + e.getKey() + "` must be an entity uid in a "
                        + "string, e.g. \"User::\\\"alice\\\"\"");
            }
            args.put(e.getKey(), e.getValue().asText());
        }
        return args;
    }

    /** Slot values by slot: the names must be {@code ?principal} or {@code ?resource}, the values uids. */
    static Map<SlotId, EntityUid> slotValues(Map<String, String> args) {
        Map<SlotId, EntityUid> values = new EnumMap<>(SlotId.class);
        args.forEach((slot, uid) -> {
            SlotId id = switch (slot) {
                case "?principal" -> SlotId.PRINCIPAL;
                case "?resource" -> SlotId.RESOURCE;
                default -> throw new CedarException("`" + slot + "` is not a slot: expected `?principal` or `?resource`");
            };
            values.put(id, Cli.uid("the value of `" + slot + "`", uid));
        });
        return values;
    }

    /** {@code set} with every link added, in order. */
    PolicySet linkInto(PolicySet set) {
        PolicySet result = set;
        for (Link link : links) {
            result = result.link(PolicyId.of(link.templateId()), PolicyId.of(link.linkId()), slotValues(link.args()));
        }
        return result;
    }

    /** These links plus {@code link}. */
    Links plus(Link link) {
        List<Link> all = new ArrayList<>(links);
        all.add(link);
        return new Links(List.copyOf(all));
    }

    /** Writes the links to {@code file} in the reference's format. */
    void write(String file) {
        ArrayNode array = JSON.createArrayNode();
        for (Link link : links) {
            ObjectNode o = array.addObject();
            o.put("template_id", link.templateId());
            o.put("link_id", link.linkId());
            ObjectNode args = o.putObject("args");
            link.args().forEach(args::put);
        }
        Cli.writeFile(file, array.toString());
    }
}
