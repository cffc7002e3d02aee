package io.cedarwood.enforcement;

import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.schema.ActionDef;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Startup checks of what configuration and annotations name against the schema, so that a misspelt action
 * or type stops the start instead of denying quietly at run time. Messages name the place and the nearest
 * valid name.
 */
public final class SchemaCheck {
    private SchemaCheck() {
    }

    /**
     * The problems of one use: the action must be declared, the resource type too, and the action must
     * apply to the resource type and, when it is known, to the principal type.
     *
     * @param where what declares the use, for the message (a route, a method)
     * @param resourceType the resource's type when it is known before the call, else {@code null}
     * @param principalType the principal's type when the integration knows it, else {@code null}
     * @return each problem as a message beginning with {@code where}; empty when there is none
     */
    public static List<String> check(Schema schema, String where, EntityUid action, EntityType resourceType,
            EntityType principalType) {
        List<String> problems = new ArrayList<>();
        Optional<ActionDef> def = schema.action(action);
        if (def.isEmpty()) {
            problems.add(where + ": the schema has no action `" + action.toCedar() + "`"
                    + nearest(action.toCedar(), schema.actions().keySet().stream().map(EntityUid::toCedar).toList()));
            return problems;
        }
        if (resourceType != null) {
            if (schema.entityType(resourceType).isEmpty() && !resourceType.isAction()) {
                problems.add(where + ": the schema has no entity type `" + resourceType + "`"
                        + nearest(resourceType.name(), schema.entityTypes().keySet().stream().map(EntityType::name).toList()));
                return problems;
            }
            if (!def.get().resourceTypes().contains(resourceType)) {
                problems.add(where + ": `" + action.toCedar() + "` does not apply to resources of type `" + resourceType
                        + "`" + nearest(resourceType.name(), def.get().resourceTypes().stream().map(EntityType::name).toList()));
            }
        }
        if (principalType != null && !def.get().principalTypes().contains(principalType)) {
            problems.add(where + ": `" + action.toCedar() + "` does not apply to principals of type `" + principalType
                    + "`" + nearest(principalType.name(), def.get().principalTypes().stream().map(EntityType::name).toList()));
        }
        return problems;
    }

    /** {@code " (did you mean `x`?)"} for the closest candidate, or nothing when there are none. */
    static String nearest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(name, c);
            if (d < bestDistance || d == bestDistance && c.compareTo(best) < 0) {
                best = c;
                bestDistance = d;
            }
        }
        return best == null ? "" : " (did you mean `" + best + "`?)";
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
