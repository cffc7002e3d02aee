package io.cedarwood.cli;

import io.cedarwood.engine.schema.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "translate-schema", description = "Translate a schema between the Cedar and the JSON schema formats (comments are not kept)")
final class TranslateSchemaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--direction", required = true, paramLabel = "DIRECTION",
            converter = Direction.Converter.class, description = "cedar-to-json or json-to-cedar")
    Direction direction;

    @Option(names = {"-s", "--schema"}, paramLabel = "FILE", description = "Input file (default: standard input)")
    String inputFile;

    @Override
    public Integer call() {
        String text = Cli.readFileOrStdin(inputFile, "schema");
        String out = direction == Direction.CEDAR_TO_JSON
                ? Schema.parseCedarSchema(text).toJson()
                : Schema.parseJson(text).toCedarSchema();
        spec.commandLine().getOut().println(out);
        return CedarCli.SUCCESS;
    }
}
