package io.cedarwood.engine.drt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates schemas: one namespace (sometimes the empty one), two to five entity types with attributes of
 * every type (extension types, sets, records, entity references, optional attributes), tags, a membership
 * relation, enumerated types, common types, actions in action groups, and a context per action.
 */
final class SchemaGen {
    private static final List<String> NAMESPACES = List.of("App", "Photo::Share", "NS");
    private static final List<String> TYPE_NAMES = List.of("User", "Group", "Photo", "Album", "Doc", "Team", "Org");
    private static final List<String> ENUM_NAMES = List.of("Color", "Status");
    private static final List<String> ACTION_IDS = List.of("view", "edit", "delete", "share", "read", "write",
            "list", "view photo");

    private final Rng rng;
    private final List<String> declaredEntityTypes = new ArrayList<>();
    private final Map<String, GenType> commonTypes = new LinkedHashMap<>();

    private SchemaGen(Rng rng) {
        this.rng = rng;
    }

    static GenSchema generate(Rng rng) {
        return new SchemaGen(rng).schema();
    }

    private GenSchema schema() {
        String namespace = rng.chance(0.5) ? "" : rng.pick(NAMESPACES);
        List<String> names = new ArrayList<>(rng.some(TYPE_NAMES, 0.4));
        while (names.size() < 2) {
            String n = rng.pick(TYPE_NAMES);
            if (!names.contains(n)) {
                names.add(n);
            }
        }
        List<String> enums = rng.some(ENUM_NAMES, 0.25);
        declaredEntityTypes.addAll(names);
        declaredEntityTypes.addAll(enums);

        if (rng.chance(0.3)) {
            commonTypes.put("Addr", rng.chance(0.5) ? new GenType.Ext("ipaddr")
                    : new GenType.Rec(Map.of("ip", new GenType.Attr(new GenType.Ext("ipaddr"), true),
                            "port", new GenType.Attr(GenType.LONG, false))));
        }
        if (rng.chance(0.2)) {
            commonTypes.put("Names", new GenType.SetOf(GenType.STRING));
        }

        List<GenSchema.EntityTypeSpec> types = new ArrayList<>();
        for (String name : names) {
            List<String> memberOf = new ArrayList<>();
            for (String other : declaredEntityTypes) {
                if (rng.chance(other.equals(name) ? 0.15 : 0.3) && !enums.contains(other)) {
                    memberOf.add(other);
                }
            }
            Map<String, GenType.Attr> shape = new LinkedHashMap<>();
            int attrs = rng.between(0, 4);
            for (int i = 0; i < attrs; i++) {
                shape.put(rng.pick(Pool.ATTRS), new GenType.Attr(type(2), rng.chance(0.7)));
            }
            GenType tags = rng.chance(0.25) ? type(1) : null;
            types.add(new GenSchema.EntityTypeSpec(name, memberOf, shape, tags, null));
        }
        for (String name : enums) {
            List<String> ids = new ArrayList<>(rng.some(List.of("red", "green", "blue", "alice", ""), 0.5));
            if (ids.isEmpty()) {
                ids.add("red");
            }
            types.add(new GenSchema.EntityTypeSpec(name, List.of(), Map.of(), null, ids));
        }

        List<GenSchema.ActionSpec> actions = new ArrayList<>();
        List<String> ids = new ArrayList<>(rng.some(ACTION_IDS, 0.35));
        while (ids.size() < 2) {
            String id = rng.pick(ACTION_IDS);
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        for (int i = 0; i < ids.size(); i++) {
            List<String> memberOf = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                if (rng.chance(0.3)) {
                    memberOf.add(ids.get(j));
                }
            }
            boolean group = i < ids.size() - 1 && rng.chance(0.25);
            if (group) {
                actions.add(new GenSchema.ActionSpec(ids.get(i), memberOf, false, List.of(), List.of(),
                        new GenType.Rec(Map.of())));
                continue;
            }
            List<String> principals = new ArrayList<>(rng.some(declaredEntityTypes, 0.35));
            if (principals.isEmpty()) {
                principals.add(rng.pick(names));
            }
            List<String> resources = new ArrayList<>(rng.some(declaredEntityTypes, 0.35));
            if (resources.isEmpty()) {
                resources.add(rng.pick(names));
            }
            Map<String, GenType.Attr> context = new LinkedHashMap<>();
            int n = rng.between(0, 3);
            for (int k = 0; k < n; k++) {
                context.put(rng.pick(Pool.ATTRS), new GenType.Attr(type(2), rng.chance(0.8)));
            }
            actions.add(new GenSchema.ActionSpec(ids.get(i), memberOf, true, principals, resources,
                    new GenType.Rec(context)));
        }
        return new GenSchema(namespace, types, actions, commonTypes);
    }

    /** A type at most {@code depth} levels of sets and records deep. */
    GenType type(int depth) {
        int choice = rng.weighted(3, 3, 3, 4, depth > 0 ? 2 : 0, depth > 0 ? 2 : 0, 3, commonTypes.isEmpty() ? 0 : 1);
        return switch (choice) {
            case 0 -> GenType.BOOL;
            case 1 -> GenType.LONG;
            case 2 -> GenType.STRING;
            case 3 -> new GenType.Ext(rng.pick(Pool.EXTENSION_TYPES));
            case 4 -> new GenType.SetOf(type(depth - 1));
            case 5 -> {
                Map<String, GenType.Attr> attrs = new LinkedHashMap<>();
                int n = rng.between(0, 3);
                for (int i = 0; i < n; i++) {
                    attrs.put(rng.pick(Pool.ATTRS), new GenType.Attr(type(depth - 1), rng.chance(0.7)));
                }
                yield new GenType.Rec(attrs);
            }
            case 6 -> {
                String name = rng.pick(declaredEntityTypes);
                yield new GenType.Ent(name, name);
            }
            default -> {
                String name = rng.pick(new ArrayList<>(commonTypes.keySet()));
                yield new GenType.Common(name, commonTypes.get(name));
            }
        };
    }
}
