package io.cedarwood.benchmarks;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/** Checks, before measuring, that both engines give the same answers to the benchmark's requests. */
final class Agreement {
    private Agreement() {
    }

    static void check(String workload, int count, IntFunction<String> ours, IntFunction<String> theirs) {
        Map<String, Integer> answers = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            String a = ours.apply(i);
            String b = theirs.apply(i);
            if (!a.equals(b)) {
                throw new IllegalStateException(workload + " case " + i + ": cedarwood says `" + a
                        + "`, cedar-java says `" + b + "`");
            }
            answers.merge(a.startsWith("allow") ? "allow" : "deny", 1, Integer::sum);
        }
        System.out.println(workload + ": both engines agree on " + count + " requests " + answers);
    }
}
