package io.cedarwood.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The {@code cedar} command line. Subcommands, flags and exit codes follow the reference CLI where it has
 * the same subcommand: 0 success, 1 failure, 2 authorization denied, 3 validation failed. Without a
 * subcommand it prints its usage.
 */
@Command(name = "cedar",
        mixinStandardHelpOptions = true,
        versionProvider = CedarCli.Version.class,
        description = "Cedarwood: the Cedar policy language on the JVM")
public final class CedarCli implements Callable<Integer> {
    static final int SUCCESS = 0;
    static final int FAILURE = 1;
    static final int AUTHORIZE_DENY = 2;
    static final int VALIDATION_FAILURE = 3;

    /**
     * The subcommands' names, in the order the usage lists them. Building a picocli command reads its
     * annotations reflectively, which costs more at start-up than most subcommands' work, so a run that names
     * its subcommand builds that one only ({@link #commandLine(String...)}).
     */
    private static final List<String> SUBCOMMANDS = List.of("authorize", "partially-authorize", "evaluate",
            "validate", "check-parse", "link", "format", "translate-policy", "translate-schema", "run-tests",
            "language-version", "integration-tests", "symcc", "analyze", "help");

    /** A new instance of the subcommand {@code name} (a switch, not lambdas: each lambda costs at start-up). */
    private static Object subcommand(String name) {
        return switch (name) {
            case "authorize" -> new AuthorizeCommand();
            case "partially-authorize" -> new PartiallyAuthorizeCommand();
            case "evaluate" -> new EvaluateCommand();
            case "validate" -> new ValidateCommand();
            case "check-parse" -> new CheckParseCommand();
            case "link" -> new LinkCommand();
            case "format" -> new FormatCommand();
            case "translate-policy" -> new TranslatePolicyCommand();
            case "translate-schema" -> new TranslateSchemaCommand();
            case "run-tests" -> new RunTestsCommand();
            case "language-version" -> new LanguageVersionCommand();
            case "integration-tests" -> new IntegrationTestsCommand();
            case "symcc" -> new SymccCommand();
            case "analyze" -> new AnalyzeCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }

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
        CommandLine cli = commandLine(args).setOut(out).setErr(err);
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

    /** The whole command line, every subcommand included. */
    static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS);
    }

    /**
     * The command line for {@code args}: when they name a subcommand (after the top-level {@code -f FORMAT}, if
     * any), with that subcommand only, which parses and runs {@code args} exactly as the whole command line
     * would; otherwise (usage, {@code help}, a mistyped name, {@code @file} arguments) the whole of it.
     */
    static CommandLine commandLine(String... args) {
        String named = subcommandNamed(args);
        return named == null ? commandLine() : commandLine(List.of(named));
    }

    private static CommandLine commandLine(List<String> names) {
        CommandLine cli = new CommandLine(new CedarCli());
        for (String name : names) {
            cli.addSubcommand(name, subcommand(name));
        }
        addHelpOption(cli);
        return cli;
    }

    /** The subcommand that {@code args} run, or {@code null} unless that is plain to see. */
    private static String subcommandNamed(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-f") || arg.equals("--error-format")) {
                i++;
            } else if (arg.startsWith("-f") || arg.startsWith("--error-format=")) {
                continue;
            } else if (arg.startsWith("-") || arg.startsWith("@")) {
                return null;
            } else {
                return SUBCOMMANDS.contains(arg) && !arg.equals("help") ? arg : null;
            }
        }
        return null;
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
