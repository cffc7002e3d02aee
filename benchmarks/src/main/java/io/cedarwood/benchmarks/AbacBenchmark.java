package io.cedarwood.benchmarks;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.Map;

/**
 * Attribute-based policies with extension functions: 100 policies over five actions (20 per action, all
 * scoped to it), whose conditions use {@code ip} ranges, {@code decimal} comparisons, {@code datetime}
 * and {@code duration} arithmetic and {@code like}, on extension values in attributes and the context;
 * one request, whose action's 20 policies are all evaluated.
 */
@State(Scope.Benchmark)
public class AbacBenchmark extends SingleRequestBenchmark {
    static String policies() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            sb.append("permit(principal, action == Action::\"a").append(i % 5).append("\", resource) when { ");
            sb.append(switch ((i / 5) % 5) {
                case 0 -> "context.src.isInRange(ip(\"10." + i + ".0.0/16\")) && principal.clearance.greaterThanOrEqual(decimal(\""
                        + (i % 10) + ".5\"))";
                case 1 -> "context.now < datetime(\"2026-0" + (1 + i % 9) + "-01\") && context.now.offset(duration(\"" + i
                        + "h\")) > resource.created";
                case 2 -> "principal.email like \"*@d" + i + ".example.com\"";
                case 3 -> "resource.size.lessThan(decimal(\"" + i + ".25\")) && !context.src.isLoopback()";
                default -> "context.now.toTime() > duration(\"" + (i % 24) + "h\") && context.elapsed.toMilliseconds() < " + i * 100_000;
            });
            sb.append(" };\n");
        }
        return sb.toString();
    }

    static Model.Case request() {
        Model.Uid user = Model.Uid.of("User", "bob");
        Model.Uid doc = Model.Uid.of("Doc", "report");
        List<Model.Ent> ents = List.of(
                new Model.Ent(user, Map.of("clearance", new Model.Ext("decimal", "7.5"), "email", "bob@d42.example.com"), List.of()),
                new Model.Ent(doc, Map.of("size", new Model.Ext("decimal", "40.0"),
                        "created", new Model.Ext("datetime", "2026-01-01T00:00:00Z")), List.of()));
        Map<String, Object> context = Map.of("src", new Model.Ext("ip", "10.42.1.2"),
                "now", new Model.Ext("datetime", "2026-05-05T12:00:00Z"), "elapsed", new Model.Ext("duration", "1h30m"));
        return new Model.Case(new Model.Req(user, Model.Uid.of("Action", "a2"), doc, context), ents);
    }

    @Setup
    public void setUp() {
        prepare("ABAC 100 policies", policies(), request());
    }
}
