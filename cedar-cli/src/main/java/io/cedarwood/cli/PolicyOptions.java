package io.cedarwood.cli;

import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.json.CedarJson;
import picocli.CommandLine.Option;

/** {@code --policies FILE} and {@code --policy-format}, shared by the commands that read policies. */
final class PolicyOptions {
    enum Format { cedar, json }

    @Option(names = {"-p", "--policies"}, paramLabel = "FILE",
            description = "File containing the policies (default: standard input)")
    String policiesFile;

    @Option(names = "--policy-format", paramLabel = "FORMAT", defaultValue = "cedar",
            description = "Format of the policies: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Format format;

    /** The policy text as read, for commands that work on text. */
    String text() {
        return Cli.readFileOrStdin(policiesFile, "policies");
    }

    PolicySet policySet() {
        String text = text();
        return format == Format.json ? CedarJson.readPolicySet(text) : PolicySet.parse(text);
    }
}
