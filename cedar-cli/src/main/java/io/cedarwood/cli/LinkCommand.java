package io.cedarwood.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.ast.SlotId;
import io.cedarwood.engine.value.EntityUid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "link", description = "Link a template; with --template-linked FILE, also add the link to that file")
final class LinkCommand implements Callable<Integer> {
    private static final String ARGUMENTS_EXAMPLE = "{\"?principal\": \"User::\\\"alice\\\"\"}";

    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOptions policies;

    @Option(names = "--template-id", required = true, paramLabel = "ID",
            description = "Id of the template to link (its @id annotation, or policyN in source order)")
    String templateId;

    @Option(names = {"-n", "--new-id"}, required = true, paramLabel = "ID", description = "Id of the new linked policy")
    String newId;

    @Option(names = {"-a", "--arguments"}, required = true, paramLabel = "JSON",
            description = "Slot values as JSON, e.g. '" + ARGUMENTS_EXAMPLE + "'")
    String arguments;

    @Override
    public Integer call() {
        Map<String, String> args = Links.slotArguments(argumentsJson(), "`--arguments`");
        Map<SlotId, EntityUid> values = Links.slotValues(args);
        if (values.isEmpty()) {
            throw new CedarException("`--arguments` gives no slot values");
        }
        PolicySet set = policies.staticPoliciesAndTemplates(policies.text());
        Links links = policies.templateLinkedFile == null
                ? new Links(List.of())
                : Links.read(policies.templateLinkedFile, true);
        PolicySet linked = links.linkInto(set).link(PolicyId.of(templateId), PolicyId.of(newId), values);
        spec.commandLine().getOut().println("Template-linked policy added: " + linked.policy(PolicyId.of(newId)).toCedar());
        if (policies.templateLinkedFile != null) {
            links.plus(new Links.Link(templateId, newId, args)).write(policies.templateLinkedFile);
        }
        return CedarCli.SUCCESS;
    }

    private JsonNode argumentsJson() {
        try {
            return new ObjectMapper().readTree(arguments);
        } catch (JsonProcessingException e) {
            throw new CedarException("`--arguments` must be a JSON object of slot names to entity uids, e.g. "
                    + ARGUMENTS_EXAMPLE + ": " + e.getOriginalMessage());
        }
    }
}
