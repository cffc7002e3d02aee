package io.cedarwood.cli;

import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.json.CedarJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "check-parse",
        description = "Check that policies, a schema and/or entities parse; with no option, reads policies from standard input")
final class CheckParseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOptions policies;

    @Mixin
    SchemaOptions schema;

    @Option(names = "--entities", paramLabel = "FILE", description = "File containing entities as JSON")
    String entitiesFile;

    @Override
    public Integer call() {
        boolean onlyDefaults = policies.policiesFile == null && !schema.given() && entitiesFile == null;
        if (policies.policiesFile != null || onlyDefaults) {
            policies.policySet();
        }
        if (schema.given()) {
            schema.schema();
        }
        if (entitiesFile != null) {
            Entities.of(CedarJson.readEntities(Cli.readFileOrStdin(entitiesFile, "entities")));
        }
        spec.commandLine().getOut().println("input parses successfully");
        return CedarCli.SUCCESS;
    }
}
