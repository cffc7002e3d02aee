package io.cedarwood.cli;

import io.cedarwood.analysis.Analyzer;
import io.cedarwood.engine.value.CedarException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;

/** {@code --schema} and {@code --timeout}: what the {@code symcc} and {@code analyze} subcommands need to ask the solver. */
final class SolverOptions {
    @Mixin
    SchemaOptions schema;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Time limit of one solver call, in seconds (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    /**
     * The analyzer over the given schema.
     *
     * @param command the command's name, for the message when the schema is missing
     */
    Analyzer analyzer(String command) {
        if (!schema.given()) {
            throw new CedarException("`" + command + "` needs `--schema FILE`");
        }
        if (timeoutSeconds <= 0) {
            throw new CedarException("`--timeout` must be positive");
        }
        return new Analyzer(schema.schema(), Duration.ofSeconds(timeoutSeconds));
    }
}
