package io.cedarwood.engine;

import io.cedarwood.engine.ast.ActionConstraint;
import io.cedarwood.engine.ast.EntityReference;
import io.cedarwood.engine.ast.ScopeConstraint;
import io.cedarwood.engine.eval.CompiledPolicy;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The static and template-linked policies of a {@link PolicySet}, compiled, and indexed by scope so that a
 * request only looks at the policies whose scope can match it. Each policy goes into one bucket, chosen by
 * the most telling part of its scope: {@code principal == uid}, else {@code resource == uid}, else
 * {@code action == uid}, else {@code principal in uid} ({@code is T in uid} too), else
 * {@code resource in uid}, else {@code action in [...]} (one bucket per listed action), else
 * {@code principal is T}, else {@code resource is T}; a policy with none of these is always a candidate.
 * A request gathers the buckets of its principal, action and resource, and of their ancestors for the
 * {@code in} buckets: a superset of the policies whose scope matches, which are then evaluated in full, in
 * the order of the set, so that decisions and diagnostics are exactly those of evaluating every policy.
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
    private final Map<EntityUid, int[]> principalEq;
    private final Map<EntityUid, int[]> resourceEq;
    private final Map<EntityUid, int[]> actionEq;
    private final Map<EntityUid, int[]> principalIn;
    private final Map<EntityUid, int[]> resourceIn;
    private final Map<EntityUid, int[]> actionIn;
    private final Map<EntityType, int[]> principalIs;
    private final Map<EntityType, int[]> resourceIs;
    private final int[] unscoped;

    PolicyIndex(Collection<Policy> policies, int scanBelow) {
        this.policies = new CompiledPolicy[policies.size()];
        this.all = new int[policies.size()];
        Map<EntityUid, List<Integer>> pEq = new HashMap<>();
        Map<EntityUid, List<Integer>> rEq = new HashMap<>();
        Map<EntityUid, List<Integer>> aEq = new HashMap<>();
        Map<EntityUid, List<Integer>> pIn = new HashMap<>();
        Map<EntityUid, List<Integer>> rIn = new HashMap<>();
        Map<EntityUid, List<Integer>> aIn = new HashMap<>();
        Map<EntityType, List<Integer>> pIs = new HashMap<>();
        Map<EntityType, List<Integer>> rIs = new HashMap<>();
        List<Integer> rest = new ArrayList<>();
        int i = 0;
        for (Policy p : policies) {
            this.policies[i] = CompiledPolicy.compile(p);
            all[i] = i;
            Integer ordinal = i;
            ScopeConstraint principal = p.principal();
            ScopeConstraint resource = p.resource();
            ActionConstraint action = p.action();
            if (principal instanceof ScopeConstraint.Eq eq) {
                add(pEq, uid(eq.ref()), ordinal);
            } else if (resource instanceof ScopeConstraint.Eq eq) {
                add(rEq, uid(eq.ref()), ordinal);
            } else if (action instanceof ActionConstraint.Eq eq) {
                add(aEq, eq.uid(), ordinal);
            } else if (inTarget(principal) != null) {
                add(pIn, inTarget(principal), ordinal);
            } else if (inTarget(resource) != null) {
                add(rIn, inTarget(resource), ordinal);
            } else if (action instanceof ActionConstraint.In in) {
                // `action in []` matches nothing: in no bucket at all
                for (EntityUid uid : Set.copyOf(in.uids())) {
                    add(aIn, uid, ordinal);
                }
            } else if (principal instanceof ScopeConstraint.Is is) {
                add(pIs, is.entityType(), ordinal);
            } else if (resource instanceof ScopeConstraint.Is is) {
                add(rIs, is.entityType(), ordinal);
            } else {
                rest.add(ordinal);
            }
            i++;
        }
        this.scan = policies.size() < scanBelow;
        this.principalEq = freeze(pEq);
        this.resourceEq = freeze(rEq);
        this.actionEq = freeze(aEq);
        this.principalIn = freeze(pIn);
        this.resourceIn = freeze(rIn);
        this.actionIn = freeze(aIn);
        this.principalIs = freeze(pIs);
        this.resourceIs = freeze(rIs);
        this.unscoped = ints(rest);
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
        void addIn(Map<EntityUid, int[]> buckets, EntityUid uid, EntityProvider entities) {
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
                for (Map.Entry<EntityUid, int[]> e : buckets.entrySet()) {
                    if (ancestors.contains(e.getKey())) {
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

    private static <K> void add(Map<K, List<Integer>> map, K key, Integer ordinal) {
        map.computeIfAbsent(key, k -> new ArrayList<>(1)).add(ordinal);
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
