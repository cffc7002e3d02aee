package io.cedarwood.cli;

import picocli.CommandLine;
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
                TranslatePolicyCommand.class,
                LanguageVersionCommand.class,
                IntegrationTestsCommand.class,
                CommandLine.HelpCommand.class
        })
public final class CedarCli {
    static final int SUCCESS = 0;
    static final int FAILURE = 1;
    static final int AUTHORIZE_DENY = 2;
    static final int VALIDATION_FAILURE = 3;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new CedarCli());
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
