package io.cedarwood.cli;

import io.cedarwood.engine.format.PolicyFormatter;
import io.cedarwood.engine.value.CedarException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "format", description = "Pretty-print a policy set, keeping its comments",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:formatted (with --check: already formatted)", "1:failure (with --check: not formatted)"})
final class FormatCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--policies"}, paramLabel = "FILE", description = "Input file (default: standard input)")
    String policiesFile;

    @Option(names = {"-l", "--line-width"}, paramLabel = "UINT", defaultValue = "80",
            description = "Maximum line width (default: ${DEFAULT-VALUE})")
    int lineWidth;

    @Option(names = {"-i", "--indent-width"}, paramLabel = "INT", defaultValue = "2",
            description = "Indentation width (default: ${DEFAULT-VALUE})")
    int indentWidth;

    @Option(names = {"-w", "--write"}, description = "Write the result back to the policies file")
    boolean write;

    @Option(names = {"-c", "--check"}, description = "Check that the input is already formatted; exit 1 if not")
    boolean check;

    @Override
    public Integer call() {
        if (write && check) {
            throw new CedarException("`--write` and `--check` cannot be used together");
        }
        if (write && policiesFile == null) {
            throw new CedarException("`--write` needs `--policies FILE`");
        }
        if (lineWidth < 1 || indentWidth < 0) {
            throw new CedarException("`--line-width` must be positive and `--indent-width` not negative");
        }
        String text = Cli.readFileOrStdin(policiesFile, "policies");
        String formatted = PolicyFormatter.format(text, lineWidth, indentWidth);
        if (write) {
            Cli.writeFile(policiesFile, formatted);
        } else {
            spec.commandLine().getOut().print(formatted);
            spec.commandLine().getOut().flush();
        }
        return check && !formatted.equals(text) ? CedarCli.FAILURE : CedarCli.SUCCESS;
    }
}
