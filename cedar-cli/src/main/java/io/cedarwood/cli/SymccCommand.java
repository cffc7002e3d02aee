package io.cedarwood.cli;

import io.cedarwood.analysis.Analyzer;
import io.cedarwood.analysis.Answer;
import io.cedarwood.analysis.RequestEnvironment;
import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.parser.PolicyParser;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code cedar symcc}: one question about policy sets in one request environment of a schema, answered
 * with an SMT solver, as the reference's {@code symcc} subcommands.
 */
@Command(name = "symcc", description = "Prove properties of policy sets in one request environment with an SMT solver",
        subcommands = {
                SymccCommand.NeverErrors.class, SymccCommand.AlwaysAllows.class, SymccCommand.AlwaysDenies.class,
                SymccCommand.Equivalent.class, SymccCommand.Implies.class, SymccCommand.Disjoint.class})
final class SymccCommand {

    /** {@code --schema}, the request environment and the time limit, shared by the subcommands. */
    static final class EnvironmentOptions {
        @Mixin
        SolverOptions solver;

        @Option(names = "--principal-type", required = true, paramLabel = "TYPE", description = "The principal's entity type")
        String principalType;

        @Option(names = "--action", required = true, paramLabel = "UID", description = "The action, e.g. 'Action::\"view\"'")
        String action;

        @Option(names = "--resource-type", required = true, paramLabel = "TYPE", description = "The resource's entity type")
        String resourceType;

        Analyzer analyzer() {
            return solver.analyzer("symcc");
        }

        RequestEnvironment environment(Schema s) {
            EntityUid actionUid;
            try {
                actionUid = PolicyParser.parseEntityUid(action);
            } catch (CedarException e) {
                throw new CedarException("failed to parse action `" + action + "` as an entity uid: " + e.getMessage());
            }
            RequestEnvironment env = new RequestEnvironment(EntityType.of(principalType), actionUid, EntityType.of(resourceType));
            if (!RequestEnvironment.of(s).contains(env)) {
                throw new CedarException("the schema has no request environment " + env);
            }
            return env;
        }
    }

    /** Prints an answer: `verified`, or `does not hold` and the counterexample, or why there is no answer. */
    static int print(PrintWriter out, String property, Answer answer) {
        switch (answer.verdict()) {
            case YES -> out.println(property + ": verified");
            case NO -> {
                out.println(property + ": does not hold; counterexample:");
                out.println(answer.counterexample().orElseThrow().describe());
            }
            case UNKNOWN -> out.println(property + ": unknown (" + answer.reason() + ")");
            default -> {
                out.println(property + ": unsupported");
                answer.unsupported().forEach((id, why) -> out.println("  " + id + ": " + why));
                if (answer.unsupported().isEmpty()) {
                    out.println("  " + answer.reason());
                }
            }
        }
        return CedarCli.SUCCESS;
    }

    abstract static class OneSet implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        PolicyOptions policies;

        @Mixin
        EnvironmentOptions environment;

        abstract String property();

        abstract Answer ask(Analyzer analyzer, PolicySet set, RequestEnvironment env);

        @Override
        public Integer call() {
            Analyzer analyzer = environment.analyzer();
            RequestEnvironment env = environment.environment(analyzer.schema());
            return print(spec.commandLine().getOut(), property(), ask(analyzer, policies.policySet(), env));
        }
    }

    abstract static class TwoSets implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--policies1", required = true, paramLabel = "FILE", description = "File containing the first policy set")
        String policies1;

        @Option(names = "--policies2", required = true, paramLabel = "FILE", description = "File containing the second policy set")
        String policies2;

        @Mixin
        EnvironmentOptions environment;

        abstract String property();

        abstract Answer ask(Analyzer analyzer, PolicySet a, PolicySet b, RequestEnvironment env);

        @Override
        public Integer call() {
            Analyzer analyzer = environment.analyzer();
            RequestEnvironment env = environment.environment(analyzer.schema());
            PolicySet a = PolicySet.parse(Cli.readFileOrStdin(policies1, "policies1"));
            PolicySet b = PolicySet.parse(Cli.readFileOrStdin(policies2, "policies2"));
            return print(spec.commandLine().getOut(), property(), ask(analyzer, a, b, env));
        }
    }

    @Command(name = "check-never-errors", description = "Check that no policy of the set ever errors")
    static final class NeverErrors extends OneSet {
        String property() {
            return "never errors";
        }

        Answer ask(Analyzer analyzer, PolicySet set, RequestEnvironment env) {
            return analyzer.neverErrors(set, env);
        }
    }

    @Command(name = "check-always-allows", description = "Check that the set allows every request")
    static final class AlwaysAllows extends OneSet {
        String property() {
            return "always allows";
        }

        Answer ask(Analyzer analyzer, PolicySet set, RequestEnvironment env) {
            return analyzer.alwaysAllows(set, env);
        }
    }

    @Command(name = "check-always-denies", description = "Check that the set denies every request")
    static final class AlwaysDenies extends OneSet {
        String property() {
            return "always denies";
        }

        Answer ask(Analyzer analyzer, PolicySet set, RequestEnvironment env) {
            return analyzer.alwaysDenies(set, env);
        }
    }

    @Command(name = "check-equivalent", description = "Check that the two sets decide every request alike")
    static final class Equivalent extends TwoSets {
        String property() {
            return "equivalent";
        }

        Answer ask(Analyzer analyzer, PolicySet a, PolicySet b, RequestEnvironment env) {
            return analyzer.equivalent(a, b, env);
        }
    }

    @Command(name = "check-implies", description = "Check that the first set permits no more than the second")
    static final class Implies extends TwoSets {
        String property() {
            return "implies";
        }

        Answer ask(Analyzer analyzer, PolicySet a, PolicySet b, RequestEnvironment env) {
            return analyzer.implies(a, b, env);
        }
    }

    @Command(name = "check-disjoint", description = "Check that no request is allowed by both sets")
    static final class Disjoint extends TwoSets {
        String property() {
            return "disjoint";
        }

        Answer ask(Analyzer analyzer, PolicySet a, PolicySet b, RequestEnvironment env) {
            return analyzer.disjoint(a, b, env);
        }
    }
}
