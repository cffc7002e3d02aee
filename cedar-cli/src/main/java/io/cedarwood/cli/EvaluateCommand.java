package io.cedarwood.cli;

import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.Variable;
import io.cedarwood.engine.eval.Evaluator;
import io.cedarwood.engine.json.CedarJson;
import io.cedarwood.engine.parser.PolicyParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "evaluate", description = "Evaluate a Cedar expression; the request variables it uses must be given")
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RequestOptions request;

    @Mixin
    SchemaOptions schemaOptions;

    @Option(names = "--entities", paramLabel = "FILE", description = "File containing the entities as JSON (default: none)")
    String entitiesFile;

    @Parameters(paramLabel = "EXPRESSION", description = "The expression, e.g. 'principal.age >= 18'")
    String expression;

    @Override
    public Integer call() {
        Expr expr = PolicyParser.parseExpression(expression);
        Schema schema = schemaOptions.given() ? schemaOptions.schema() : null;
        Request req = request.requestFor(variables(expr), schema);
        Entities entities = Entities.EMPTY;
        if (entitiesFile != null) {
            String json = Cli.readFileOrStdin(entitiesFile, "entities");
            entities = Entities.of(schema == null ? CedarJson.readEntities(json) : CedarJson.readEntities(json, schema));
        }
        spec.commandLine().getOut().println(Evaluator.evaluate(expr, req, entities).toCedar());
        return CedarCli.SUCCESS;
    }

    /** The request variables {@code expr} mentions. */
    static Set<Variable> variables(Expr expr) {
        Set<Variable> found = EnumSet.noneOf(Variable.class);
        Deque<Expr> todo = new ArrayDeque<>();
        todo.push(expr);
        while (!todo.isEmpty()) {
            Expr e = todo.pop();
            if (e instanceof Expr.Var v) {
                found.add(v.variable());
            }
            e.children().forEach(todo::push);
        }
        return found;
    }
}
