package io.cedarwood.engine.authz;

import io.cedarwood.engine.ast.ActionConstraint;
import io.cedarwood.engine.ast.EntityReference;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.ast.ScopeConstraint;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.eval.CompiledPolicy;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The static and template-linked policies of a {@link PolicySet}, compiled, and indexed by scope so that a
 * request only looks at the policies whose scope can match it. A policy can be filed under each constrained
 * part of its scope: {@code principal == uid}, {@code principal in uid} (or {@code is T in uid}),
 * {@code principal is T}, the same for the resource, {@code action == uid} and {@code action in [...]}
 * (under each listed action), and by the test its conditions start with when that is an equality or
 * membership test of a path against a literal ({@link CompiledPolicy.Guard}: {@code principal.dept ==
 * "d7"}, {@code resource.tags.contains("t7")}, {@code principal in Group::"g7"}). It goes into one bucket
 * only, that of its rarest key (the key fewest policies share; on a tie the scope before the guard), so
 * that a request never gathers a needlessly large bucket; a policy with neither is always a candidate. A
 * request gathers the buckets of its principal, action and resource, and of their ancestors for the
 * {@code in} buckets; it evaluates each guarded path once and gathers the buckets of the literals its
 * value can match (or, when the path errors or has a value of the wrong kind, every policy filed under
 * that path and test). That is a superset of the policies that can be satisfied or error, which are then
 * evaluated in full, in the order of the set, so that decisions and diagnostics are exactly those of
 * evaluating every policy.
 *
 * <p>Below {@link #SCAN_BELOW} policies the index is not consulted: checking every scope is cheaper
 * than the lookups. Immutable and thread-safe.
 */
final class PolicyIndex {
    /** Sets smaller than this are scanned, not looked up. */
    static final int SCAN_BELOW = 32;
    private static final int[] NONE = new int[0];

    private final CompiledPolicy[] policies;
    private final int[] all;
    private final boolean scan;
    private final Map<Object, int[]> principalEq;
    private final Map<Object, int[]> resourceEq;
    private final Map<Object, int[]> actionEq;
    private final Map<Object, int[]> principalIn;
    private final Map<Object, int[]> resourceIn;
    private final Map<Object, int[]> actionIn;
    private final Map<Object, int[]> principalIs;
    private final Map<Object, int[]> resourceIs;
    private final int[] unscoped;
    private final GuardedPath[] guarded;

    /**
     * The parts of a scope a policy can be indexed by, and its guard, in order of preference when equally
     * telling.
     */
    private enum Part { PRINCIPAL_EQ, RESOURCE_EQ, ACTION_EQ, PRINCIPAL_IN, RESOURCE_IN, ACTION_IN, PRINCIPAL_IS, RESOURCE_IS, GUARD }

    /** One way to index a policy: a part of its scope and the keys (several for {@code action in [...]}). */
    private record Option(Part part, List<Object> keys) {
    }

    PolicyIndex(Collection<Policy> policies, int scanBelow) {
        this.policies = new CompiledPolicy[policies.size()];
        this.all = new int[policies.size()];
        // first how many policies share each key, then each policy goes under its rarest key, so that no
        // bucket a request gathers is needlessly large (many policies say `action == view`, few name a user)
        List<List<Option>> options = new ArrayList<>(policies.size());
        List<Map<Object, Integer>> counts = new ArrayList<>();
        for (int p = 0; p < Part.values().length; p++) {
            counts.add(new HashMap<>());
        }
        int i = 0;
        for (Policy p : policies) {
            this.policies[i] = CompiledPolicy.compile(p);
            all[i] = i;
            List<Option> own = options(p);
            for (Option o : own) {
                for (Object key : o.keys()) {
                    counts.get(o.part().ordinal()).merge(key, 1, Integer::sum);
                }
            }
            CompiledPolicy.Guard guard = this.policies[i].guard();
            if (guard != null) {
                own.add(new Option(Part.GUARD, List.of(guard)));
                counts.get(Part.GUARD.ordinal()).merge(guard, 1, Integer::sum);
            }
            options.add(own);
            i++;
        }
        List<Map<Object, List<Integer>>> buckets = new ArrayList<>();
        for (int p = 0; p < Part.values().length; p++) {
            buckets.add(new HashMap<>());
        }
        List<Integer> rest = new ArrayList<>();
        for (int ordinal = 0; ordinal < options.size(); ordinal++) {
            Option best = null;
            long bestCost = Long.MAX_VALUE;
            for (Option o : options.get(ordinal)) {
                long cost = 0;
                for (Object key : o.keys()) {
                    cost += counts.get(o.part().ordinal()).get(key);
                }
                if (cost < bestCost) {
                    best = o;
                    bestCost = cost;
                }
            }
            if (best == null) {
                rest.add(ordinal);
            } else {
                // `action in []` has no keys: it matches nothing and is in no bucket
                for (Object key : best.keys()) {
                    buckets.get(best.part().ordinal()).computeIfAbsent(key, k -> new ArrayList<>(1)).add(ordinal);
                }
            }
        }
        this.scan = policies.size() < scanBelow;
        this.principalEq = freeze(buckets.get(Part.PRINCIPAL_EQ.ordinal()));
        this.resourceEq = freeze(buckets.get(Part.RESOURCE_EQ.ordinal()));
        this.actionEq = freeze(buckets.get(Part.ACTION_EQ.ordinal()));
        this.principalIn = freeze(buckets.get(Part.PRINCIPAL_IN.ordinal()));
        this.resourceIn = freeze(buckets.get(Part.RESOURCE_IN.ordinal()));
        this.actionIn = freeze(buckets.get(Part.ACTION_IN.ordinal()));
        this.principalIs = freeze(buckets.get(Part.PRINCIPAL_IS.ordinal()));
        this.resourceIs = freeze(buckets.get(Part.RESOURCE_IS.ordinal()));
        this.unscoped = ints(rest);
        this.guarded = guarded(buckets.get(Part.GUARD.ordinal()));
    }

    /** The policies filed under guards, by path: one evaluation of the path per request. */
    private static GuardedPath[] guarded(Map<Object, List<Integer>> byGuard) {
        Map<List<Object>, GuardedPath> paths = new LinkedHashMap<>();
        byGuard.forEach((key, ordinals) -> {
            CompiledPolicy.Guard guard = (CompiledPolicy.Guard) key;
            paths.computeIfAbsent(guard.path(), p -> new GuardedPath(guard.value())).add(guard, ordinals);
        });
        paths.values().forEach(GuardedPath::build);
        return paths.values().toArray(GuardedPath[]::new);
    }

    /** The policies filed under the guards on one path, by test and literal. */
    private static final class GuardedPath {
        private final CompiledPolicy.PathValue value;
        private final List<Map<Object, List<Integer>>> building = new ArrayList<>();
        private final List<Map<Object, int[]>> byLiteral = new ArrayList<>();
        /** Per test, every policy filed under it: what a request gathers when the path errors. */
        private final int[][] all = new int[CompiledPolicy.Test.values().length][];

        GuardedPath(CompiledPolicy.PathValue value) {
            this.value = value;
            for (int t = 0; t < CompiledPolicy.Test.values().length; t++) {
                building.add(new HashMap<>());
            }
        }

        void add(CompiledPolicy.Guard guard, List<Integer> ordinals) {
            building.get(guard.test().ordinal()).computeIfAbsent(guard.literal(), k -> new ArrayList<>()).addAll(ordinals);
        }

        void build() {
            for (int t = 0; t < all.length; t++) {
                List<Integer> every = new ArrayList<>();
                building.get(t).values().forEach(every::addAll);
                every.sort(null);
                all[t] = ints(every);
                byLiteral.add(PolicyIndex.freeze(building.get(t)));
            }
            building.clear();
        }

        /** The policies filed under this path that {@code request} can satisfy, or error on. */
        void gather(Gathered g, Request request, EntityProvider entities) {
            Value v;
            try {
                v = value.of(request, entities);
            } catch (RuntimeException e) {
                // every one of them evaluates the path first and fails the same way
                for (int[] policies : all) {
                    g.add(policies);
                }
                return;
            }
            g.add(byLiteral.get(CompiledPolicy.Test.EQUALS.ordinal()).get(v));
            Map<Object, int[]> contains = byLiteral.get(CompiledPolicy.Test.CONTAINS.ordinal());
            if (!contains.isEmpty()) {
                if (v instanceof SetValue set) {
                    g.addContained(contains, set);
                } else {
                    g.add(all[CompiledPolicy.Test.CONTAINS.ordinal()]);
                }
            }
            Map<Object, int[]> in = byLiteral.get(CompiledPolicy.Test.IN.ordinal());
            if (!in.isEmpty()) {
                if (v instanceof EntityUid uid) {
                    g.addIn(in, uid, entities);
                } else {
                    g.add(all[CompiledPolicy.Test.IN.ordinal()]);
                }
            }
        }
    }

    private static List<Option> options(Policy p) {
        List<Option> out = new ArrayList<>(3);
        ScopeConstraint principal = p.principal();
        ScopeConstraint resource = p.resource();
        ActionConstraint action = p.action();
        if (principal instanceof ScopeConstraint.Eq eq) {
            out.add(new Option(Part.PRINCIPAL_EQ, List.<Object>of(uid(eq.ref()))));
        } else if (inTarget(principal) != null) {
            out.add(new Option(Part.PRINCIPAL_IN, List.<Object>of(inTarget(principal))));
        } else if (principal instanceof ScopeConstraint.Is is) {
            out.add(new Option(Part.PRINCIPAL_IS, List.<Object>of(is.entityType())));
        }
        if (resource instanceof ScopeConstraint.Eq eq) {
            out.add(new Option(Part.RESOURCE_EQ, List.<Object>of(uid(eq.ref()))));
        } else if (inTarget(resource) != null) {
            out.add(new Option(Part.RESOURCE_IN, List.<Object>of(inTarget(resource))));
        } else if (resource instanceof ScopeConstraint.Is is) {
            out.add(new Option(Part.RESOURCE_IS, List.<Object>of(is.entityType())));
        }
        if (action instanceof ActionConstraint.Eq eq) {
            out.add(new Option(Part.ACTION_EQ, List.<Object>of(eq.uid())));
        } else if (action instanceof ActionConstraint.In in) {
            out.add(new Option(Part.ACTION_IN, List.copyOf(new java.util.LinkedHashSet<Object>(in.uids()))));
        }
        // equally telling options: the order of Part decides
        out.sort(java.util.Comparator.comparing(Option::part));
        return out;
    }

    /** The compiled policy at this position of the set. */
    CompiledPolicy policy(int ordinal) {
        return policies[ordinal];
    }

    /**
     * The positions, ascending, of every policy whose scope can match {@code request}; the array is
     * shared and must not be changed.
     */
    int[] candidates(Request request, EntityProvider entities) {
        if (scan) {
            return all;
        }
        Gathered g = new Gathered();
        g.add(unscoped);
        g.add(principalEq.get(request.principal()));
        g.add(resourceEq.get(request.resource()));
        g.add(actionEq.get(request.action()));
        g.addIn(principalIn, request.principal(), entities);
        g.addIn(resourceIn, request.resource(), entities);
        g.addIn(actionIn, request.action(), entities);
        g.add(principalIs.get(request.principal().type()));
        g.add(resourceIs.get(request.resource().type()));
        for (GuardedPath path : guarded) {
            path.gather(g, request, entities);
        }
        return g.result();
    }

    /** The buckets a request gathers, merged into one ascending list without repeats. */
    private static final class Gathered {
        private int[][] parts = new int[8][];
        private int count;
        private int total;

        void add(int[] bucket) {
            if (bucket == null || bucket.length == 0) {
                return;
            }
            if (count == parts.length) {
                parts = Arrays.copyOf(parts, count * 2);
            }
            parts[count++] = bucket;
            total += bucket.length;
        }

        /** The buckets of {@code uid} and of each of its ancestors, whichever side is smaller walked. */
        void addIn(Map<Object, int[]> buckets, EntityUid uid, EntityProvider entities) {
            if (buckets.isEmpty()) {
                return;
            }
            add(buckets.get(uid));
            Set<EntityUid> ancestors = entities.ancestors(uid);
            if (ancestors.size() <= buckets.size()) {
                for (EntityUid a : ancestors) {
                    add(buckets.get(a));
                }
            } else {
                for (Map.Entry<Object, int[]> e : buckets.entrySet()) {
                    if (ancestors.contains(e.getKey())) {
                        add(e.getValue());
                    }
                }
            }
        }

        /** The buckets of the elements of {@code set}, whichever side is smaller walked. */
        void addContained(Map<Object, int[]> buckets, SetValue set) {
            if (set.size() <= buckets.size()) {
                for (Value element : set.elements()) {
                    add(buckets.get(element));
                }
            } else {
                for (Map.Entry<Object, int[]> e : buckets.entrySet()) {
                    if (set.contains((Value) e.getKey())) {
                        add(e.getValue());
                    }
                }
            }
        }

        int[] result() {
            if (count == 0) {
                return NONE;
            } else if (count == 1) {
                return parts[0];
            }
            int[] merged = new int[total];
            int n = 0;
            for (int i = 0; i < count; i++) {
                System.arraycopy(parts[i], 0, merged, n, parts[i].length);
                n += parts[i].length;
            }
            Arrays.sort(merged);
            int distinct = 0;
            for (int i = 0; i < merged.length; i++) {
                if (i == 0 || merged[i] != merged[i - 1]) {
                    merged[distinct++] = merged[i];
                }
            }
            return distinct == merged.length ? merged : Arrays.copyOf(merged, distinct);
        }
    }

    private static EntityUid inTarget(ScopeConstraint c) {
        if (c instanceof ScopeConstraint.In in) {
            return uid(in.ref());
        } else if (c instanceof ScopeConstraint.IsIn isIn) {
            return uid(isIn.ref());
        }
        return null;
    }

    private static EntityUid uid(EntityReference ref) {
        if (ref instanceof EntityReference.Uid u) {
            return u.uid();
        }
        throw new IllegalStateException("unlinked slot " + ((EntityReference.Slot) ref).slot().cedarName());
    }

    private static <K> Map<K, int[]> freeze(Map<K, List<Integer>> map) {
        Map<K, int[]> out = new HashMap<>(Math.max(4, map.size() * 4 / 3 + 1));
        map.forEach((k, v) -> out.put(k, ints(v)));
        return out;
    }

    private static int[] ints(List<Integer> list) {
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }
}
