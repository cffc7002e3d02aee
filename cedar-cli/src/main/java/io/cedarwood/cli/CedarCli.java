package io.cedarwood.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * The {@code cedar} command line. Subcommands, flags and exit codes follow the reference CLI where it has
 * the same subcommand: 0 success, 1 failure, 2 authorization denied, 3 validation failed. Without a
 * subcommand it prints its usage.
 */
@Command(name = "cedar",
        mixinStandardHelpOptions = true,
        versionProvider = CedarCli.Version.class,
        description = "Cedarwood: the Cedar policy language on the JVM",
        subcommands = {
                AuthorizeCommand.class,
                PartiallyAuthorizeCommand.class,
                EvaluateCommand.class,
                ValidateCommand.class,
                CheckParseCommand.class,
                LinkCommand.class,
                FormatCommand.class,
                TranslatePolicyCommand.class,
                TranslateSchemaCommand.class,
                RunTestsCommand.class,
                LanguageVersionCommand.class,
                IntegrationTestsCommand.class,
                SymccCommand.class,
                AnalyzeCommand.class,
                CommandLine.HelpCommand.class
        })
public final class CedarCli implements Callable<Integer> {
    static final int SUCCESS = 0;
    static final int FAILURE = 1;
    static final int AUTHORIZE_DENY = 2;
    static final int VALIDATION_FAILURE = 3;

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--error-format"}, paramLabel = "FORMAT", scope = ScopeType.INHERIT,
            defaultValue = "${env:CEDAR_ERROR_FORMAT:-human}",
            description = "How errors are reported: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; "
                    + "or the environment variable CEDAR_ERROR_FORMAT); json prints one object per diagnostic")
    ErrorFormat errorFormat;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the command line writing to {@code out} and {@code err}, and returns its exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new CedarCli()).setOut(out).setErr(err);
        addHelpOption(cli);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            ErrorReport.print(cmd.getErr(), ErrorReport.format(cmd.getCommandSpec()), ex);
            return FAILURE;
        });
        cli.setParameterExceptionHandler((ex, args1) -> {
            CommandLine cmd = ex.getCommandLine();
            ErrorReport.print(cmd.getErr(), ErrorReport.format(cmd.getCommandSpec()), ex.getMessage(),
                    "try `" + cmd.getCommandSpec().qualifiedName() + " --help`");
            return FAILURE;
        });
        return cli.execute(args);
    }

    /** {@code -h}/{@code --help} on every subcommand, including ones added later. */
    private static void addHelpOption(CommandLine cli) {
        for (CommandLine sub : cli.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            if (spec.findOption("--help") == null && !(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                        .description("Show this help message and exit").build());
            }
            addHelpOption(sub);
        }
    }

    /** {@code cedar} alone: its usage. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return SUCCESS;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = CedarCli.class.getPackage().getImplementationVersion();
            return new String[] {"cedarwood " + (v == null ? "(development build)" : v)
                    + ", Cedar language version " + LanguageVersionCommand.LANGUAGE_VERSION};
        }
    }
}
