package io.cedarwood.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.SlotId;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.parser.PolicyParser;
import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.value.EntityUid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "link", description = "Link a template and print the resulting policy")
final class LinkCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOptions policies;

    @Option(names = "--template-id", required = true, paramLabel = "ID", description = "Id of the template to link")
    String templateId;

    @Option(names = {"-n", "--new-id"}, required = true, paramLabel = "ID", description = "Id of the new linked policy")
    String newId;

    @Option(names = {"-a", "--arguments"}, required = true, paramLabel = "JSON",
            description = "Slot values as JSON, e.g. '{\"?principal\": \"User::\\\"alice\\\"\"}'")
    String arguments;

    private Map<String, String> slotArguments() {
        try {
            return new ObjectMapper().readValue(arguments, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new CedarException("`--arguments` must be a JSON object of slot names to entity uids, "
                    + "e.g. {\"?principal\": \"User::\\\"alice\\\"\"}: " + e.getOriginalMessage());
        }
    }

    @Override
    public Integer call() {
        Map<SlotId, EntityUid> values = new EnumMap<>(SlotId.class);
        slotArguments().forEach((slot, uid) -> {
            SlotId id = switch (slot) {
                case "?principal" -> SlotId.PRINCIPAL;
                case "?resource" -> SlotId.RESOURCE;
                default -> throw new CedarException("`" + slot + "` is not a slot: expected `?principal` or `?resource`");
            };
            values.put(id, PolicyParser.parseEntityUid(uid));
        });
        if (values.isEmpty()) {
            throw new CedarException("`--arguments` gives no slot values");
        }
        PolicySet linked = policies.policySet().link(PolicyId.of(templateId), PolicyId.of(newId), values);
        spec.commandLine().getOut().println("Template-linked policy added: " + linked.policy(PolicyId.of(newId)).toCedar());
        return CedarCli.SUCCESS;
    }
}
