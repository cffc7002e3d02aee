package io.cedarwood.cli;

import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.eval.Evaluator;
import io.cedarwood.engine.json.CedarJson;
import io.cedarwood.engine.parser.PolicyParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "evaluate", description = "Evaluate a Cedar expression")
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RequestOptions request;

    @Option(names = "--entities", paramLabel = "FILE", description = "File containing the entities as JSON")
    String entitiesFile;

    @Parameters(paramLabel = "EXPRESSION", description = "The expression, e.g. 'principal.age >= 18'")
    String expression;

    @Override
    public Integer call() {
        Expr expr = PolicyParser.parseExpression(expression);
        Entities entities = entitiesFile == null
                ? Entities.EMPTY
                : Entities.of(CedarJson.readEntities(Cli.readFileOrStdin(entitiesFile, "entities")));
        spec.commandLine().getOut().println(Evaluator.evaluate(expr, request.partialRequest(), entities).toCedar());
        return CedarCli.SUCCESS;
    }
}
