package io.cedarwood.cli;

import io.cedarwood.analysis.Analyzer;
import io.cedarwood.analysis.Answer;
import io.cedarwood.analysis.Comparison;
import io.cedarwood.analysis.Finding;
import io.cedarwood.analysis.Verdict;
import io.cedarwood.engine.authz.PolicySet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code cedar analyze}: questions over every request environment of a schema, as cedar-lean-cli's
 * {@code analyze}: what a change of policies does ({@code compare}), and what is odd about each policy of a
 * set ({@code policies}).
 */
@Command(name = "analyze", description = "Analyze policy sets over every request environment of a schema",
        subcommands = {AnalyzeCommand.Compare.class, AnalyzeCommand.Policies.class})
final class AnalyzeCommand {

    @Command(name = "compare", description = "What changes from the old policy set to the new one, per request environment; "
            + "the last line is `equivalent`, `new permits less`, `new permits more`, `new permits more and less` "
            + "or, when some environment could not be decided, `unknown`")
    static final class Compare implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--old", required = true, paramLabel = "FILE", description = "File containing the old policies")
        String oldFile;

        @Option(names = "--new", required = true, paramLabel = "FILE", description = "File containing the new policies")
        String newFile;

        @Mixin
        SolverOptions solver;

        @Override
        public Integer call() {
            Analyzer analyzer = solver.analyzer("analyze compare");
            PolicySet old = PolicySet.parse(Cli.readFileOrStdin(oldFile, "old policies"));
            PolicySet next = PolicySet.parse(Cli.readFileOrStdin(newFile, "new policies"));
            Comparison comparison = analyzer.compare(old, next);
            PrintWriter out = spec.commandLine().getOut();
            for (Comparison.Change c : comparison.changes()) {
                if (c.isEquivalent()) {
                    out.println(c.environment() + ": equivalent");
                    continue;
                }
                direction(out, c, c.newPermitsNoMore(), "new permits more");
                direction(out, c, c.newPermitsNoLess(), "new permits less");
            }
            out.println(comparison.summary());
            return CedarCli.SUCCESS;
        }

        private static void direction(PrintWriter out, Comparison.Change c, Answer a, String what) {
            if (a.verdict() == Verdict.NO) {
                out.println(c.environment() + ": " + what + ", for example:");
                out.println(indent(a.counterexample().orElseThrow().describe()));
            } else if (a.verdict() == Verdict.UNKNOWN) {
                out.println(c.environment() + ": unknown whether " + what + " (" + a.reason() + ")");
            } else if (a.verdict() == Verdict.UNSUPPORTED) {
                StringBuilder why = new StringBuilder();
                a.unsupported().forEach((id, reason) -> why.append(why.length() == 0 ? "" : "; ").append(id).append(": ").append(reason));
                out.println(c.environment() + ": unknown whether " + what + " (unsupported: "
                        + (why.length() == 0 ? a.reason() : why) + ")");
            }
        }
    }

    @Command(name = "policies", description = "One line per finding about a policy: "
            + "`redundant`, `shadowed`, `never applies`, `may error` (or `unsupported`, `unknown`)")
    static final class Policies implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        PolicyOptions policies;

        @Mixin
        SolverOptions solver;

        @Override
        public Integer call() {
            Analyzer analyzer = solver.analyzer("analyze policies");
            PrintWriter out = spec.commandLine().getOut();
            for (Finding f : analyzer.findings(policies.policySet())) {
                out.println(f.line());
            }
            return CedarCli.SUCCESS;
        }
    }

    static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }
}
