package io.cedarwood.engine.drt;

import io.cedarwood.engine.value.CedarStrings;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A generated schema, as the generators know it: one namespace (possibly the empty one), entity types,
 * actions and common types. {@link #toCedarSchema()} writes it in the human schema format, which is what
 * both engines read.
 */
record GenSchema(String namespace, List<EntityTypeSpec> entityTypes, List<ActionSpec> actions,
        Map<String, GenType> commonTypes) {

    /**
     * An entity type: its basename, the basenames of the types its entities may be members of, its shape,
     * its tag type ({@code null} for none), and its enumerated ids ({@code null} unless it is an enum).
     */
    record EntityTypeSpec(String name, List<String> memberOf, Map<String, GenType.Attr> shape, GenType tags,
            List<String> enumIds) {
        boolean isEnum() {
            return enumIds != null;
        }
    }

    /**
     * An action: its id, the ids of the action groups it is in, and what it applies to (principal and
     * resource type basenames, and the context type); {@code appliesTo} false for a pure group.
     */
    record ActionSpec(String id, List<String> memberOf, boolean appliesTo, List<String> principals,
            List<String> resources, GenType.Rec context) {
    }

    /** The fully qualified name of a type declared in this schema. */
    String qualify(String basename) {
        return namespace.isEmpty() ? basename : namespace + "::" + basename;
    }

    EntityType entityType(String basename) {
        return new EntityType(qualify(basename));
    }

    EntityType actionType() {
        return new EntityType(qualify("Action"));
    }

    EntityUid actionUid(String id) {
        return new EntityUid(actionType(), id);
    }

    EntityTypeSpec spec(String basename) {
        for (EntityTypeSpec s : entityTypes) {
            if (s.name().equals(basename)) {
                return s;
            }
        }
        return null;
    }

    /** The spec of a fully qualified entity type declared here, or {@code null}. */
    EntityTypeSpec specOf(EntityType type) {
        for (EntityTypeSpec s : entityTypes) {
            if (qualify(s.name()).equals(type.name())) {
                return s;
            }
        }
        return null;
    }

    ActionSpec action(String id) {
        for (ActionSpec a : actions) {
            if (a.id().equals(id)) {
                return a;
            }
        }
        return null;
    }

    List<ActionSpec> requestableActions() {
        List<ActionSpec> out = new ArrayList<>();
        for (ActionSpec a : actions) {
            if (a.appliesTo() && !a.principals().isEmpty() && !a.resources().isEmpty()) {
                out.add(a);
            }
        }
        return out;
    }

    /** This schema in the human schema format. */
    String toCedarSchema() {
        StringBuilder out = new StringBuilder();
        String indent = namespace.isEmpty() ? "" : "  ";
        if (!namespace.isEmpty()) {
            out.append("namespace ").append(namespace).append(" {\n");
        }
        for (Map.Entry<String, GenType> c : commonTypes.entrySet()) {
            out.append(indent).append("type ").append(c.getKey()).append(" = ").append(c.getValue().toSchema())
                    .append(";\n");
        }
        for (EntityTypeSpec e : entityTypes) {
            out.append(indent).append("entity ").append(e.name());
            if (e.isEnum()) {
                out.append(" enum ").append(e.enumIds().stream().map(CedarStrings::quote)
                        .collect(Collectors.joining(", ", "[", "]")));
            } else {
                if (!e.memberOf().isEmpty()) {
                    out.append(" in [").append(String.join(", ", e.memberOf())).append("]");
                }
                if (!e.shape().isEmpty()) {
                    out.append(" = ").append(new GenType.Rec(e.shape()).toSchema());
                }
                if (e.tags() != null) {
                    out.append(" tags ").append(e.tags().toSchema());
                }
            }
            out.append(";\n");
        }
        for (ActionSpec a : actions) {
            out.append(indent).append("action ").append(CedarStrings.quote(a.id()));
            if (!a.memberOf().isEmpty()) {
                out.append(" in ").append(a.memberOf().stream().map(CedarStrings::quote)
                        .collect(Collectors.joining(", ", "[", "]")));
            }
            if (a.appliesTo()) {
                out.append(" appliesTo {\n");
                out.append(indent).append("  principal: [").append(String.join(", ", a.principals())).append("],\n");
                out.append(indent).append("  resource: [").append(String.join(", ", a.resources())).append("],\n");
                out.append(indent).append("  context: ").append(a.context().toSchema()).append("\n");
                out.append(indent).append("}");
            }
            out.append(";\n");
        }
        if (!namespace.isEmpty()) {
            out.append("}\n");
        }
        return out.toString();
    }

    /** Every declared entity type, fully qualified, with its spec. */
    Map<EntityType, EntityTypeSpec> byType() {
        Map<EntityType, EntityTypeSpec> out = new LinkedHashMap<>();
        for (EntityTypeSpec s : entityTypes) {
            out.put(entityType(s.name()), s);
        }
        return out;
    }
}
