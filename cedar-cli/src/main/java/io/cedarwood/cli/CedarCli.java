package io.cedarwood.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import picocli.CommandLine.Command;

/**
 * The {@code cedar} command line. Subcommands and exit codes follow the reference CLI where it has the
 * same subcommand: 0 success, 1 failure, 2 authorization denied, 3 validation failed.
 */
@Command(name = "cedar",
        mixinStandardHelpOptions = true,
        versionProvider = CedarCli.Version.class,
        description = "Cedarwood: the Cedar policy language on the JVM",
        subcommands = {
                AuthorizeCommand.class,
                EvaluateCommand.class,
                CheckParseCommand.class,
                LinkCommand.class,
                ValidateCommand.class,
                TranslatePolicyCommand.class,
                TranslateSchemaCommand.class,
                FormatCommand.class,
                LanguageVersionCommand.class,
                IntegrationTestsCommand.class,
                SymccCommand.class,
                AnalyzeCommand.class,
                CommandLine.HelpCommand.class
        })
public final class CedarCli {
    static final int SUCCESS = 0;
    static final int FAILURE = 1;
    static final int AUTHORIZE_DENY = 2;
    static final int VALIDATION_FAILURE = 3;

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
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println(Cli.describe(ex));
            return FAILURE;
        });
        cli.setParameterExceptionHandler((ex, args1) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("error: " + ex.getMessage());
            cmd.getErr().println("try `" + cmd.getCommandSpec().qualifiedName() + " --help`");
            return FAILURE;
        });
        return cli.execute(args);
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
