package io.cedarwood.cli;

import io.cedarwood.engine.schema.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "translate-schema", description = "Translate a schema between the Cedar and the JSON schema formats (comments are not kept)")
final class TranslateSchemaCommand implements Callable<Integer> {
    enum Direction { cedar_to_json, json_to_cedar }

    @Spec
    CommandSpec spec;

    @Option(names = "--direction", required = true, paramLabel = "DIRECTION",
            converter = DirectionConverter.class, description = "cedar-to-json or json-to-cedar")
    Direction direction;

    @Option(names = {"-s", "--schema"}, paramLabel = "FILE", description = "Input file (default: standard input)")
    String inputFile;

    @Override
    public Integer call() {
        String text = Cli.readFileOrStdin(inputFile, "schema");
        String out = direction == Direction.cedar_to_json
                ? Schema.parseCedarSchema(text).toJson()
                : Schema.parseJson(text).toCedarSchema();
        spec.commandLine().getOut().println(out);
        return CedarCli.SUCCESS;
    }

    static final class DirectionConverter implements picocli.CommandLine.ITypeConverter<Direction> {
        @Override
        public Direction convert(String value) {
            return Direction.valueOf(value.replace('-', '_'));
        }
    }
}
