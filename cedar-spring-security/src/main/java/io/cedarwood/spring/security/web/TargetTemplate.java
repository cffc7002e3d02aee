package io.cedarwood.spring.security.web;

import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.spring.security.CedarUids;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An action and a resource whose id is a template over path variables: {@code "{listId}"},
 * {@code "{owner}/{name}"}. Anything outside braces is literal.
 */
final class TargetTemplate {
    private final EntityUid action;
    private final EntityType resourceType;
    /** Literal text and variable names, alternating, starting with literal text. */
    private final List<String> parts;

    TargetTemplate(String actionType, String action, String resourceType, String resourceId) {
        this.action = CedarUids.action(actionType, Objects.requireNonNull(action, "action"));
        this.resourceType = CedarUids.type(Objects.requireNonNull(resourceType, "resourceType"));
        this.parts = parse(Objects.requireNonNull(resourceId, "resourceId"));
    }

    private static List<String> parse(String template) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (true) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                if (template.indexOf('}', i) >= 0) {
                    throw new IllegalArgumentException("unmatched `}` in the resource id template `" + template + "`");
                }
                parts.add(template.substring(i));
                return parts;
            }
            int close = template.indexOf('}', open);
            if (close < 0 || template.substring(i, open).indexOf('}') >= 0) {
                throw new IllegalArgumentException("unmatched brace in the resource id template `" + template + "`");
            }
            String name = template.substring(open + 1, close);
            if (name.isEmpty() || name.indexOf('{') >= 0) {
                throw new IllegalArgumentException("bad variable in the resource id template `" + template + "`");
            }
            parts.add(template.substring(i, open));
            parts.add(name);
            i = close + 1;
        }
    }

    /** The variables the id needs. */
    List<String> variables() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i < parts.size(); i += 2) {
            names.add(parts.get(i));
        }
        return names;
    }

    /**
     * The target for these path variables.
     *
     * @throws IllegalStateException when a variable the id needs is missing
     */
    CedarTarget resolve(Map<String, String> variables) {
        StringBuilder id = new StringBuilder(parts.get(0));
        for (int i = 1; i < parts.size(); i += 2) {
            String value = variables.get(parts.get(i));
            if (value == null) {
                throw new IllegalStateException("the resource id needs the path variable `" + parts.get(i)
                        + "`, which the request matcher does not have");
            }
            id.append(value).append(parts.get(i + 1));
        }
        return new CedarTarget(action, new EntityUid(resourceType, id.toString()));
    }

    @Override
    public String toString() {
        return action + " on " + resourceType + "::\"" + String.join("", parts) + "\"";
    }
}
