package io.cedarwood.cli;

import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.json.CedarJson;
import io.cedarwood.engine.parser.PolicyParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "check-parse",
        description = "Check that policies, an expression, a schema and/or entities parse; with no option, reads "
                + "policies from standard input")
final class CheckParseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOptions policies;

    @Option(names = "--expression", paramLabel = "EXPRESSION", description = "An expression to parse")
    String expression;

    @Mixin
    SchemaOptions schema;

    @Option(names = "--entities", paramLabel = "FILE",
            description = "File containing entities as JSON (read by their declared types with --schema)")
    String entitiesFile;

    @Override
    public Integer call() {
        boolean onlyDefaults = policies.policiesFile == null && expression == null && !schema.given() && entitiesFile == null;
        if (policies.policiesFile != null || onlyDefaults) {
            policies.policySet();
        }
        if (expression != null) {
            PolicyParser.parseExpression(expression);
        }
        Schema parsed = schema.given() ? schema.schema() : null;
        if (entitiesFile != null) {
            String json = Cli.readFileOrStdin(entitiesFile, "entities");
            Entities.of(parsed == null ? CedarJson.readEntities(json) : CedarJson.readEntities(json, parsed));
        }
        spec.commandLine().getOut().println("input parses successfully");
        return CedarCli.SUCCESS;
    }
}
