package io.cedarwood.sample.tinytodo;

import io.cedarwood.engine.parser.PolicyParser;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TinyTodo's own files, for tests only: {@code <cedar.shared.dir>/tinytodo} (the build sets the system
 * property; the application never reads them). When they are absent, a test fails if the environment
 * variable {@code CI} is {@code true} and is skipped otherwise.
 */
final class SharedTinyTodo {
    private SharedTinyTodo() {
    }

    static Path dir() {
        Path dir = Path.of(System.getProperty("cedar.shared.dir", "../../shared")).toAbsolutePath().normalize()
                .resolve("tinytodo");
        if (!Files.isDirectory(dir)) {
            String message = "TinyTodo's files are not at " + dir + " (system property cedar.shared.dir); they are"
                    + " public in the cedar-policy/cedar-examples repository, folder tinytodo";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort("skipped: " + message);
        }
        return dir;
    }

    static String read(String file) {
        try {
            return Files.readString(dir().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The users and teams of TinyTodo's {@code entities.json}, as Cedar entities. */
    static List<Entity> people() {
        JsonNode root = JsonMapper.builder().build().readTree(read("entities.json"));
        List<Entity> entities = new ArrayList<>();
        for (JsonNode user : root.get("users")) {
            Map<String, Value> attributes = new LinkedHashMap<>();
            attributes.put("location", StringValue.of(user.get("location").asString()));
            attributes.put("joblevel", LongValue.of(user.get("joblevel").asLong()));
            entities.add(new Entity(PolicyParser.parseEntityUid(user.get("euid").asString()), attributes, parents(user)));
        }
        for (JsonNode team : root.get("teams")) {
            entities.add(new Entity(PolicyParser.parseEntityUid(team.get("uid").asString()), Map.of(), parents(team)));
        }
        return entities;
    }

    private static Set<EntityUid> parents(JsonNode node) {
        Set<EntityUid> parents = new LinkedHashSet<>();
        node.get("parents").forEach(p -> parents.add(PolicyParser.parseEntityUid(p.asString())));
        return parents;
    }
}
