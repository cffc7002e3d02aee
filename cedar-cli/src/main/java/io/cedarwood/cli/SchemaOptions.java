package io.cedarwood.cli;

import io.cedarwood.engine.schema.Schema;
import picocli.CommandLine.Option;

/** {@code --schema FILE} and {@code --schema-format}, shared by the commands that read a schema. */
final class SchemaOptions {
    enum Format { cedar, json }

    @Option(names = {"-s", "--schema"}, paramLabel = "FILE", description = "File containing the schema")
    String schemaFile;

    @Option(names = "--schema-format", paramLabel = "FORMAT", defaultValue = "cedar",
            description = "Format of the schema: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Format format;

    boolean given() {
        return schemaFile != null;
    }

    /** The schema; only call when {@link #given()}. */
    Schema schema() {
        String text = Cli.readFileOrStdin(schemaFile, "schema");
        return format == Format.json ? Schema.parseJson(text) : Schema.parseCedarSchema(text);
    }
}
