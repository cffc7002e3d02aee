package io.cedarwood.cli;

import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.json.CedarJson;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --policies FILE}, {@code --policy-format} and {@code --template-linked FILE}, shared by the commands
 * that read policies. As in the reference CLI, a policy or template in Cedar text with an {@code @id("x")}
 * annotation gets the id {@code x} (the others keep {@code policy0}, {@code policy1}, ...).
 */
final class PolicyOptions {
    enum Format { cedar, json }

    @Option(names = {"-p", "--policies"}, paramLabel = "FILE",
            description = "File containing the policies (default: standard input)")
    String policiesFile;

    @Option(names = "--policy-format", paramLabel = "FORMAT", defaultValue = "cedar",
            description = "Format of the policies: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = {"-k", "--template-linked"}, paramLabel = "FILE",
            description = "File containing template-linked policies: a JSON array of "
                    + "{\"template_id\", \"link_id\", \"args\": {\"?principal\": \"User::\\\"alice\\\"\"}}")
    String templateLinkedFile;

    /** The policy text as read, for commands that work on text. */
    String text() {
        return Cli.readFileOrStdin(policiesFile, "policies");
    }

    /** The policies of {@link #text()} and the links of {@code --template-linked}, which must exist when given. */
    PolicySet policySet() {
        return policySet(text());
    }

    /** The policies of {@code text} and the links of {@code --template-linked}, which must exist when given. */
    PolicySet policySet(String text) {
        PolicySet set = staticPoliciesAndTemplates(text);
        return templateLinkedFile == null ? set : Links.read(templateLinkedFile, false).linkInto(set);
    }

    /** The policies and templates of {@code text}, without links. */
    PolicySet staticPoliciesAndTemplates(String text) {
        return format == Format.json ? CedarJson.readPolicySet(text) : renameFromIdAnnotation(PolicySet.parse(text));
    }

    private static PolicySet renameFromIdAnnotation(PolicySet set) {
        List<Policy> renamed = new ArrayList<>();
        for (Policy p : set.templates()) {
            renamed.add(renamed(p));
        }
        for (Policy p : set.policies()) {
            renamed.add(renamed(p));
        }
        try {
            return PolicySet.of(renamed);
        } catch (CedarException e) {
            throw new CedarException(e.getMessage() + " (policies are named by their `@id` annotation)");
        }
    }

    private static Policy renamed(Policy p) {
        String id = p.annotations().get("id");
        return id == null ? p : p.withId(PolicyId.of(id));
    }
}
