package io.cedarwood.cli;

import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.json.CedarJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "translate-policy", description = "Translate policies between the Cedar and the JSON syntax (comments are not kept)")
final class TranslatePolicyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--direction", required = true, paramLabel = "DIRECTION",
            converter = Direction.Converter.class,
            description = "cedar-to-json or json-to-cedar")
    Direction direction;

    @Option(names = {"-p", "--policies"}, paramLabel = "FILE", description = "Input file (default: standard input)")
    String inputFile;

    @Override
    public Integer call() {
        String text = Cli.readFileOrStdin(inputFile, "policies");
        String out = direction == Direction.CEDAR_TO_JSON
                ? CedarJson.writePolicySet(PolicySet.parse(text))
                : CedarJson.readPolicySet(text).toCedar();
        spec.commandLine().getOut().println(out);
        return CedarCli.SUCCESS;
    }
}
