package io.cedarwood.engine.schema;

import io.cedarwood.engine.extensions.Extensions;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.Names;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link SchemaFragment} (names as written) into a {@link ResolvedSchema}, following the
 * reference's rules:
 * <ul>
 *   <li>A declaration in namespace {@code NS} declares {@code NS::Name}.</li>
 *   <li>An unqualified type name written in namespace {@code NS} means {@code NS::Name} if that is
 *       declared, else {@code Name} in the empty namespace; a qualified name means itself. At each
 *       candidate a common type wins over an entity type (RFC 24); a name that must be an entity type
 *       (parents, {@code appliesTo}, JSON {@code Entity}) or a common type (JSON {@code {"type": Name}})
 *       only looks for that kind.</li>
 *   <li>{@code __cedar::Bool}, {@code __cedar::Long}, {@code __cedar::String} and {@code __cedar::<ext>}
 *       always denote the builtins; the bare names do too unless the empty namespace declares them.</li>
 *   <li>A name declared in a named namespace may not have the same basename as an entity or common type
 *       declared in the empty namespace, nor an action the same id as one of the empty namespace (RFC 70).</li>
 *   <li>{@code NS::Action} is an entity type (usable in attributes) in each namespace that declares actions.</li>
 * </ul>
 * Problems are collected rather than thrown, each located by its {@link SchemaPath}.
 */
final class SchemaResolver {
    static final List<String> PRIMITIVE_NAMES = List.of("Bool", "Long", "String");
    static final List<String> EXTENSION_TYPES = Extensions.types();
    /** Names that cannot be common type names: the JSON format's type keywords. */
    static final Set<String> RESERVED_COMMON_TYPE_NAMES =
            Set.of("Bool", "Boolean", "Entity", "Extension", "Long", "Record", "Set", "String");
    static final String CEDAR_NAMESPACE = "__cedar";

    private final SchemaFragment fragment;
    private final List<SchemaProblem> problems = new ArrayList<>();

    /** Declarations by fully qualified name, with where they are and the namespace their names are written in. */
    private final Map<String, Declared<EntityDecl>> entityDecls = new LinkedHashMap<>();
    private final Map<String, Declared<CommonTypeDecl>> commonDecls = new LinkedHashMap<>();
    private final Map<EntityUid, Declared<ActionDecl>> actionDecls = new LinkedHashMap<>();
    /** {@code NS::Action} for every namespace that declares actions. */
    private final Set<String> actionTypes = new HashSet<>();
    /** Builtins by every name that denotes them: {@code __cedar::Long}, and {@code Long} unless declared. */
    private final Map<String, SchemaType> builtins = new HashMap<>();

    private final Map<String, SchemaType> resolvedCommon = new HashMap<>();
    private final Set<String> failedCommon = new HashSet<>();

    private SchemaResolver(SchemaFragment fragment) {
        this.fragment = fragment;
    }

    /** The outcome: a resolved schema when there are no problems. */
    record Result(ResolvedSchema schema, List<SchemaProblem> problems) {
    }

    static Result resolve(SchemaFragment fragment) {
        SchemaResolver r = new SchemaResolver(fragment);
        ResolvedSchema schema = r.run();
        return new Result(r.problems.isEmpty() ? schema : null, List.copyOf(r.problems));
    }

    private ResolvedSchema run() {
        collectDeclarations();
        if (!problems.isEmpty()) {
            return null;
        }
        checkEmptyNamespaceShadowing();
        if (!problems.isEmpty()) {
            return null;
        }
        defineBuiltins();
        resolveCommonTypes();
        Map<EntityType, EntityTypeDef> entityTypes = resolveEntityTypes();
        Map<EntityUid, ActionDef> actions = resolveActions();
        if (!problems.isEmpty()) {
            return null;
        }
        Map<String, SchemaType> commonTypes = new LinkedHashMap<>();
        for (String name : commonDecls.keySet()) {
            commonTypes.put(name, resolvedCommon.get(name));
        }
        return new ResolvedSchema(entityTypes, actions, commonTypes);
    }

    // ---------------------------------------------------------------- declarations

    private void collectDeclarations() {
        for (Map.Entry<String, NamespaceDecl> nsEntry : fragment.namespaces().entrySet()) {
            String ns = nsEntry.getKey();
            NamespaceDecl decl = nsEntry.getValue();
            SchemaPath nsPath = SchemaPath.ROOT.key(ns);
            if (!ns.isEmpty()) {
                checkNamespaceName(ns, nsPath);
            } else if (!decl.annotations().isEmpty()) {
                problem("annotations are not allowed on the empty namespace", nsPath.key("annotations"), null);
            }
            checkAnnotationKeys(decl.annotations(), nsPath);
            for (Map.Entry<String, CommonTypeDecl> e : decl.commonTypes().entrySet()) {
                SchemaPath path = nsPath.key("commonTypes").key(e.getKey());
                checkCommonTypeName(e.getKey(), path);
                checkAnnotationKeys(e.getValue().annotations(), path);
                declare(commonDecls, qualify(ns, e.getKey()), e.getValue(), ns, path, "common type");
            }
            for (Map.Entry<String, EntityDecl> e : decl.entityTypes().entrySet()) {
                SchemaPath path = nsPath.key("entityTypes").key(e.getKey());
                checkEntityTypeName(e.getKey(), path);
                checkAnnotationKeys(e.getValue().annotations(), path);
                declare(entityDecls, qualify(ns, e.getKey()), e.getValue(), ns, path, "entity type");
            }
            for (Map.Entry<String, ActionDecl> e : decl.actions().entrySet()) {
                SchemaPath path = nsPath.key("actions").key(e.getKey());
                checkAnnotationKeys(e.getValue().annotations(), path);
                EntityUid uid = new EntityUid(new EntityType(qualify(ns, "Action")), e.getKey());
                declare(actionDecls, uid, e.getValue(), ns, path, "action");
                actionTypes.add(uid.type().name());
            }
        }
    }

    private record Declared<D>(D decl, String ns, SchemaPath path) {
    }

    private <K, D> void declare(Map<K, Declared<D>> decls, K name, D decl, String ns, SchemaPath path, String what) {
        if (decls.containsKey(name)) {
            // only possible when two namespace keys spell the same namespace; JSON and the human format
            // reject duplicates within a namespace themselves
            problem("duplicate " + what + " `" + name + "`", path, null);
            return;
        }
        decls.put(name, new Declared<>(decl, ns, path));
    }

    private void checkNamespaceName(String ns, SchemaPath path) {
        for (String part : ns.split("::", -1)) {
            if (part.equals(CEDAR_NAMESPACE)) {
                problem("`" + ns + "` uses the reserved `__cedar` namespace", path,
                        "names containing `__cedar` (`__cedar::A`, `A::__cedar`, `A::__cedar::B`) are reserved");
                return;
            }
        }
        if (!Names.isName(ns, false)) {
            problem("invalid namespace name `" + ns + "`", path, "a namespace name is identifiers joined by `::`");
        }
    }

    private void checkEntityTypeName(String name, SchemaPath path) {
        if (name.equals(CEDAR_NAMESPACE)) {
            problem("`__cedar` is reserved and cannot be declared", path, null);
        } else if (!Names.isIdentifier(name)) {
            problem("invalid entity type name `" + name + "`", path, identifierHelp(name));
        } else if (name.equals("Action")) {
            problem("entity type `Action` cannot be declared", path,
                    "`Action` is the type of the actions declared in the namespace");
        }
    }

    private void checkCommonTypeName(String name, SchemaPath path) {
        if (name.equals(CEDAR_NAMESPACE)) {
            problem("`__cedar` is reserved and cannot be declared", path, null);
        } else if (!Names.isIdentifier(name)) {
            problem("invalid common type name `" + name + "`", path, identifierHelp(name));
        } else if (RESERVED_COMMON_TYPE_NAMES.contains(name)) {
            problem("`" + name + "` is a reserved schema keyword and cannot be a common type name", path,
                    "the names `Bool`, `Boolean`, `Entity`, `Extension`, `Long`, `Record`, `Set` and `String` are reserved");
        }
    }

    private void checkAnnotationKeys(Map<String, String> annotations, SchemaPath path) {
        for (String key : annotations.keySet()) {
            if (!Names.isIdentifierShaped(key)) {
                problem("invalid annotation name `" + key + "`", path.key("annotations").key(key), null);
            }
        }
    }

    private static String identifierHelp(String name) {
        return Names.isIdentifierShaped(name) ? "`" + name + "` is a reserved identifier" : null;
    }

    /** RFC 70: nothing declared in a named namespace may shadow a declaration of the empty namespace. */
    private void checkEmptyNamespaceShadowing() {
        Set<String> emptyTypes = new HashSet<>();
        Set<String> emptyActions = new HashSet<>();
        NamespaceDecl empty = fragment.namespaces().get("");
        if (empty == null) {
            return;
        }
        emptyTypes.addAll(empty.entityTypes().keySet());
        emptyTypes.addAll(empty.commonTypes().keySet());
        emptyActions.addAll(empty.actions().keySet());
        for (Map.Entry<String, NamespaceDecl> nsEntry : fragment.namespaces().entrySet()) {
            String ns = nsEntry.getKey();
            if (ns.isEmpty()) {
                continue;
            }
            SchemaPath nsPath = SchemaPath.ROOT.key(ns);
            NamespaceDecl decl = nsEntry.getValue();
            for (String name : decl.commonTypes().keySet()) {
                shadowing(emptyTypes, ns, name, nsPath.key("commonTypes").key(name), "definitions");
            }
            for (String name : decl.entityTypes().keySet()) {
                shadowing(emptyTypes, ns, name, nsPath.key("entityTypes").key(name), "definitions");
            }
            for (String id : decl.actions().keySet()) {
                if (emptyActions.contains(id)) {
                    EntityUid shadowed = EntityUid.of("Action", id);
                    problem("definition of `" + EntityUid.of(qualify(ns, "Action"), id)
                                    + "` illegally shadows the existing definition of `" + shadowed + "`",
                            nsPath.key("actions").key(id),
                            "try renaming one of the actions, or moving `" + shadowed + "` to a different namespace");
                }
            }
        }
    }

    private void shadowing(Set<String> emptyTypes, String ns, String name, SchemaPath path, String what) {
        if (emptyTypes.contains(name)) {
            problem("definition of `" + qualify(ns, name) + "` illegally shadows the existing definition of `"
                    + name + "`", path, "try renaming one of the " + what + ", or moving `" + name
                    + "` to a different namespace");
        }
    }

    private void defineBuiltins() {
        Map<String, SchemaType> types = new LinkedHashMap<>();
        types.put("Bool", SchemaType.BOOL);
        types.put("Long", SchemaType.LONG);
        types.put("String", SchemaType.STRING);
        for (String ext : EXTENSION_TYPES) {
            types.put(ext, new SchemaType.ExtensionType(ext));
        }
        for (Map.Entry<String, SchemaType> e : types.entrySet()) {
            builtins.put(CEDAR_NAMESPACE + "::" + e.getKey(), e.getValue());
            if (!entityDecls.containsKey(e.getKey()) && !commonDecls.containsKey(e.getKey())) {
                builtins.put(e.getKey(), e.getValue());
            }
        }
    }

    // ---------------------------------------------------------------- name resolution

    private enum RefKind {
        COMMON("common type"), ENTITY("entity type"), ENTITY_OR_COMMON("common or entity type");

        final String description;

        RefKind(String description) {
            this.description = description;
        }
    }

    /** What a type name resolved to: a common type (user-declared or builtin) or an entity type. */
    private record Target(String name, boolean isCommon) {
    }

    private Target lookup(String raw, String ns, RefKind kind) {
        for (String candidate : candidates(raw, ns)) {
            if (kind != RefKind.ENTITY && (commonDecls.containsKey(candidate) || builtins.containsKey(candidate))) {
                return new Target(candidate, true);
            }
            if (kind != RefKind.COMMON && (entityDecls.containsKey(candidate) || actionTypes.contains(candidate))) {
                return new Target(candidate, false);
            }
        }
        return null;
    }

    private static List<String> candidates(String raw, String ns) {
        if (raw.contains("::") || ns.isEmpty()) {
            return List.of(raw);
        }
        return List.of(ns + "::" + raw, raw);
    }

    private void undeclared(String raw, String ns, RefKind kind, SchemaPath path) {
        if (!isValidReference(raw)) {
            problem("invalid type name `" + raw + "`", path, "a type name is identifiers joined by `::`");
            return;
        }
        List<String> candidates = candidates(raw, ns);
        String help = candidates.size() == 1
                ? "`" + candidates.get(0) + "` has not been declared as " + article(kind)
                : "neither `" + candidates.get(0) + "` nor `" + candidates.get(1)
                + "` refers to anything that has been declared as " + article(kind);
        String message = switch (kind) {
            case ENTITY -> "undeclared entity type `" + raw + "`";
            case COMMON -> "undeclared common type `" + raw + "`";
            case ENTITY_OR_COMMON -> "failed to resolve type `" + raw + "`";
        };
        problem(message, path, help);
    }

    private static String article(RefKind kind) {
        return kind == RefKind.ENTITY ? "an " + kind.description : "a " + kind.description;
    }

    /** A reference is identifiers joined by {@code ::}; {@code __cedar} may appear (it just never resolves). */
    static boolean isValidReference(String raw) {
        for (String part : raw.split("::", -1)) {
            if (!(Names.isIdentifier(part) || part.equals(CEDAR_NAMESPACE))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Resolves a name that must denote a declared entity type (not an action type): parents and
     * {@code appliesTo} types. Returns {@code null} after reporting a problem.
     */
    private EntityType resolveDeclaredEntityType(String raw, String ns, SchemaPath path) {
        Target target = lookup(raw, ns, RefKind.ENTITY);
        if (target == null) {
            undeclared(raw, ns, RefKind.ENTITY, path);
            return null;
        }
        if (!entityDecls.containsKey(target.name())) {
            problem("undeclared entity type `" + raw + "`", path, "`" + target.name()
                    + "` is the type of the actions declared in its namespace and cannot be used here");
            return null;
        }
        return new EntityType(target.name());
    }

    // ---------------------------------------------------------------- common types

    private void resolveCommonTypes() {
        // dependency graph between user-declared common types; unresolvable names are reported here
        Map<String, Set<String>> dependsOn = new LinkedHashMap<>();
        for (Map.Entry<String, Declared<CommonTypeDecl>> e : commonDecls.entrySet()) {
            Declared<CommonTypeDecl> d = e.getValue();
            Set<String> deps = new LinkedHashSet<>();
            int before = problems.size();
            collectCommonDependencies(d.decl().type(), d.ns(), d.path(), 0, deps);
            if (problems.size() > before) {
                failedCommon.add(e.getKey());
            }
            dependsOn.put(e.getKey(), deps);
        }
        // Kahn's algorithm, iteratively: a common type is ready once everything it uses is resolved
        Map<String, Integer> pending = new HashMap<>();
        Map<String, List<String>> usedBy = new HashMap<>();
        Deque<String> ready = new ArrayDeque<>();
        for (Map.Entry<String, Set<String>> e : dependsOn.entrySet()) {
            pending.put(e.getKey(), e.getValue().size());
            for (String dep : e.getValue()) {
                usedBy.computeIfAbsent(dep, k -> new ArrayList<>()).add(e.getKey());
            }
            if (e.getValue().isEmpty()) {
                ready.add(e.getKey());
            }
        }
        Set<String> done = new HashSet<>();
        while (!ready.isEmpty()) {
            String name = ready.poll();
            done.add(name);
            boolean failed = failedCommon.contains(name);
            if (!failed) {
                Declared<CommonTypeDecl> d = commonDecls.get(name);
                SchemaType type = toSchemaType(d.decl().type(), d.ns(), d.path(), 0);
                if (type == null) {
                    failedCommon.add(name);
                } else {
                    resolvedCommon.put(name, type);
                }
            }
            for (String user : usedBy.getOrDefault(name, List.of())) {
                if (failedCommon.contains(name)) {
                    failedCommon.add(user);
                }
                if (pending.merge(user, -1, Integer::sum) == 0) {
                    ready.add(user);
                }
            }
        }
        for (String name : commonDecls.keySet()) {
            if (!done.contains(name) && onCycle(name, dependsOn)) {
                problem("cycle in common type references containing `" + name + "`", commonDecls.get(name).path(),
                        "a common type cannot be defined in terms of itself");
                failedCommon.addAll(dependsOn.keySet());
                return;
            }
        }
    }

    /** Whether {@code start} can reach itself in the dependency graph (iterative search). */
    private static boolean onCycle(String start, Map<String, Set<String>> graph) {
        Deque<String> todo = new ArrayDeque<>(graph.getOrDefault(start, Set.of()));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (n.equals(start)) {
                return true;
            }
            if (seen.add(n)) {
                todo.addAll(graph.getOrDefault(n, Set.of()));
            }
        }
        return false;
    }

    /** Collects the user-declared common types a type uses, reporting names that resolve to nothing. */
    private void collectCommonDependencies(TypeExpr type, String ns, SchemaPath path, int depth, Set<String> deps) {
        if (depth > SchemaLimits.MAX_TYPE_DEPTH) {
            tooDeep(path);
            return;
        }
        if (type instanceof TypeExpr.SetOf s) {
            collectCommonDependencies(s.element(), ns, path.key("element"), depth + 1, deps);
        } else if (type instanceof TypeExpr.RecordOf r) {
            for (Map.Entry<String, TypeExpr.Attribute> a : r.attributes().entrySet()) {
                collectCommonDependencies(a.getValue().type(), ns, path.key("attributes").key(a.getKey()),
                        depth + 1, deps);
            }
        } else if (type instanceof TypeExpr.EntityOrCommonRef ref) {
            addDependency(ref.name(), ns, RefKind.ENTITY_OR_COMMON, path, deps);
        } else if (type instanceof TypeExpr.CommonRef ref) {
            addDependency(ref.name(), ns, RefKind.COMMON, path, deps);
        } else if (type instanceof TypeExpr.EntityRef ref) {
            addDependency(ref.name(), ns, RefKind.ENTITY, path, deps);
        }
    }

    private void addDependency(String raw, String ns, RefKind kind, SchemaPath path, Set<String> deps) {
        Target target = lookup(raw, ns, kind);
        if (target == null) {
            undeclared(raw, ns, kind, path);
        } else if (target.isCommon() && commonDecls.containsKey(target.name())) {
            deps.add(target.name());
        }
    }

    private void tooDeep(SchemaPath path) {
        problem("types are nested too deeply", path,
                "a schema type may nest sets and records at most " + SchemaLimits.MAX_TYPE_DEPTH + " deep");
    }

    /**
     * The resolved type of {@code type} written in namespace {@code ns}, or {@code null} after reporting
     * a problem (or when it uses a common type that failed to resolve, which was reported already).
     */
    private SchemaType toSchemaType(TypeExpr type, String ns, SchemaPath path, int depth) {
        if (depth > SchemaLimits.MAX_TYPE_DEPTH) {
            tooDeep(path);
            return null;
        }
        if (type instanceof TypeExpr.Primitive p) {
            return switch (p.kind()) {
                case LONG -> SchemaType.LONG;
                case STRING -> SchemaType.STRING;
                case BOOLEAN -> SchemaType.BOOL;
            };
        } else if (type instanceof TypeExpr.SetOf s) {
            SchemaType element = toSchemaType(s.element(), ns, path.key("element"), depth + 1);
            return element == null ? null : new SchemaType.SetType(element);
        } else if (type instanceof TypeExpr.RecordOf r) {
            if (r.additionalAttributes()) {
                problem("records with `additionalAttributes` are not supported", path,
                        "the reference supports them only with its experimental partial validation");
                return null;
            }
            Map<String, SchemaType.AttributeType> attributes = new LinkedHashMap<>();
            boolean ok = true;
            for (Map.Entry<String, TypeExpr.Attribute> a : r.attributes().entrySet()) {
                SchemaPath attrPath = path.key("attributes").key(a.getKey());
                checkAnnotationKeys(a.getValue().annotations(), attrPath);
                SchemaType t = toSchemaType(a.getValue().type(), ns, attrPath, depth + 1);
                if (t == null) {
                    ok = false;
                } else {
                    attributes.put(a.getKey(), new SchemaType.AttributeType(t, a.getValue().required()));
                }
            }
            return ok ? new SchemaType.RecordType(attributes) : null;
        } else if (type instanceof TypeExpr.EntityOrCommonRef ref) {
            return resolveName(ref.name(), ns, RefKind.ENTITY_OR_COMMON, path);
        } else if (type instanceof TypeExpr.CommonRef ref) {
            return resolveName(ref.name(), ns, RefKind.COMMON, path);
        } else if (type instanceof TypeExpr.EntityRef ref) {
            return resolveName(ref.name(), ns, RefKind.ENTITY, path);
        } else {
            TypeExpr.ExtensionRef e = (TypeExpr.ExtensionRef) type;
            if (!EXTENSION_TYPES.contains(e.name())) {
                problem("unknown extension type `" + e.name() + "`", path,
                        "the extension types are " + extensionTypeList());
                return null;
            }
            return new SchemaType.ExtensionType(e.name());
        }
    }

    private SchemaType resolveName(String raw, String ns, RefKind kind, SchemaPath path) {
        Target target = lookup(raw, ns, kind);
        if (target == null) {
            undeclared(raw, ns, kind, path);
            return null;
        }
        if (!target.isCommon()) {
            return new SchemaType.EntityRefType(new EntityType(target.name()));
        }
        SchemaType builtin = commonDecls.containsKey(target.name()) ? null : builtins.get(target.name());
        if (builtin != null) {
            return builtin;
        }
        // a user common type: resolved before its users, or failed (reported where it is declared)
        return resolvedCommon.get(target.name());
    }

    // ---------------------------------------------------------------- entity types

    private Map<EntityType, EntityTypeDef> resolveEntityTypes() {
        Map<EntityType, EntityTypeDef> result = new LinkedHashMap<>();
        Map<EntityType, Set<EntityType>> parents = new LinkedHashMap<>();
        Map<EntityType, EntityDecl> decls = new LinkedHashMap<>();
        Map<EntityType, SchemaType.RecordType> shapes = new HashMap<>();
        Map<EntityType, SchemaType> tags = new HashMap<>();
        for (Map.Entry<String, Declared<EntityDecl>> e : entityDecls.entrySet()) {
            EntityType name = new EntityType(e.getKey());
            EntityDecl decl = e.getValue().decl();
            String ns = e.getValue().ns();
            SchemaPath path = e.getValue().path();
            Set<EntityType> direct = new LinkedHashSet<>();
            if (decl instanceof EntityDecl.Enumerated en) {
                if (en.choices().isEmpty()) {
                    problem("enumerated entity type `" + name + "` has no values", path.key("enum"),
                            "an enumerated entity type needs at least one entity id");
                }
                shapes.put(name, SchemaType.RecordType.EMPTY);
            } else {
                EntityDecl.Standard st = (EntityDecl.Standard) decl;
                for (int i = 0; i < st.memberOfTypes().size(); i++) {
                    EntityType parent = resolveDeclaredEntityType(st.memberOfTypes().get(i), ns,
                            path.key("memberOfTypes").index(i));
                    if (parent != null) {
                        direct.add(parent);
                    }
                }
                SchemaType shape = toSchemaType(st.shape(), ns, path.key("shape"), 0);
                if (shape instanceof SchemaType.RecordType record) {
                    shapes.put(name, record);
                } else if (shape != null) {
                    problem("the attributes of entity type `" + name + "` must be a record type, not `"
                            + shape + "`", path.key("shape"), null);
                }
                if (st.tags() != null) {
                    SchemaType t = toSchemaType(st.tags(), ns, path.key("tags"), 0);
                    if (t != null) {
                        tags.put(name, t);
                    }
                }
            }
            parents.put(name, direct);
            decls.put(name, decl);
        }
        if (!problems.isEmpty()) {
            return result;
        }
        EntityType tooMany = firstPastAncestorLimit(parents);
        if (tooMany != null) {
            problem(tooManyAncestors("entity type"), entityDecls.get(tooMany.name()).path(), null);
            return result;
        }
        for (Map.Entry<EntityType, EntityDecl> e : decls.entrySet()) {
            EntityType name = e.getKey();
            List<String> choices = e.getValue() instanceof EntityDecl.Enumerated en
                    ? new ArrayList<>(new LinkedHashSet<>(en.choices())) : null;
            result.put(name, new EntityTypeDef(name, parents.get(name), closure(name, parents),
                    shapes.get(name), tags.get(name), choices, e.getValue().annotations()));
        }
        return result;
    }

    /**
     * The member at which the (member, ancestor) pairs of {@code parents}' closure, counted one member at a
     * time without keeping them, pass {@link SchemaLimits#MAX_ANCESTOR_PAIRS}; {@code null} if they do not.
     */
    private static <T> T firstPastAncestorLimit(Map<T, Set<T>> parents) {
        long pairs = 0;
        for (T member : parents.keySet()) {
            pairs += closure(member, parents).size();
            if (pairs > SchemaLimits.MAX_ANCESTOR_PAIRS) {
                return member;
            }
        }
        return null;
    }

    private static String tooManyAncestors(String what) {
        return "the " + what + " hierarchy is too large: its members have more than " + SchemaLimits.MAX_ANCESTOR_PAIRS
                + " ancestors in all, counting each member once for each of its ancestors";
    }

    /** Everything reachable from {@code start} in {@code edges}, breadth first, iteratively. */
    private static <T> Set<T> closure(T start, Map<T, Set<T>> edges) {
        Set<T> seen = new LinkedHashSet<>();
        Deque<T> todo = new ArrayDeque<>(edges.getOrDefault(start, Set.of()));
        while (!todo.isEmpty()) {
            T next = todo.poll();
            if (seen.add(next)) {
                todo.addAll(edges.getOrDefault(next, Set.of()));
            }
        }
        return seen;
    }

    // ---------------------------------------------------------------- actions

    private Map<EntityUid, ActionDef> resolveActions() {
        Map<EntityUid, Set<EntityUid>> parents = new LinkedHashMap<>();
        Map<EntityUid, List<EntityType>> principals = new HashMap<>();
        Map<EntityUid, List<EntityType>> resources = new HashMap<>();
        Map<EntityUid, SchemaType.RecordType> contexts = new HashMap<>();
        for (Map.Entry<EntityUid, Declared<ActionDecl>> e : actionDecls.entrySet()) {
            EntityUid uid = e.getKey();
            ActionDecl decl = e.getValue().decl();
            String ns = e.getValue().ns();
            SchemaPath path = e.getValue().path();
            Set<EntityUid> direct = new LinkedHashSet<>();
            for (int i = 0; i < decl.memberOf().size(); i++) {
                EntityUid parent = resolveAction(decl.memberOf().get(i), ns, path.key("memberOf").index(i));
                if (parent != null) {
                    direct.add(parent);
                }
            }
            parents.put(uid, direct);
            SchemaPath appliesTo = path.key("appliesTo");
            principals.put(uid, resolveEntityTypeList(decl.appliesTo().principalTypes(), ns,
                    appliesTo.key("principalTypes")));
            resources.put(uid, resolveEntityTypeList(decl.appliesTo().resourceTypes(), ns,
                    appliesTo.key("resourceTypes")));
            SchemaType context = toSchemaType(decl.appliesTo().context(), ns, appliesTo.key("context"), 0);
            if (context instanceof SchemaType.RecordType record) {
                contexts.put(uid, record);
            } else if (context != null) {
                problem("the context of action `" + uid + "` must be a record type, not `" + context + "`",
                        appliesTo.key("context"), null);
            }
        }
        Map<EntityUid, ActionDef> result = new LinkedHashMap<>();
        if (!problems.isEmpty()) {
            return result;
        }
        EntityUid tooMany = firstPastAncestorLimit(parents);
        if (tooMany != null) {
            problem(tooManyAncestors("action"), actionDecls.get(tooMany).path(), null);
            return result;
        }
        Map<EntityUid, Set<EntityUid>> ancestors = new HashMap<>();
        for (EntityUid uid : actionDecls.keySet()) {
            Set<EntityUid> all = closure(uid, parents);
            if (all.contains(uid)) {
                problem("cycle in action hierarchy containing `" + uid + "`", actionDecls.get(uid).path(),
                        "an action cannot be a member of itself, directly or through other action groups");
                return result;
            }
            ancestors.put(uid, all);
        }
        for (Map.Entry<EntityUid, Declared<ActionDecl>> e : actionDecls.entrySet()) {
            EntityUid uid = e.getKey();
            result.put(uid, new ActionDef(uid, parents.get(uid), ancestors.get(uid),
                    new LinkedHashSet<>(principals.get(uid)), new LinkedHashSet<>(resources.get(uid)),
                    contexts.get(uid), e.getValue().decl().annotations()));
        }
        return result;
    }

    private List<EntityType> resolveEntityTypeList(List<String> names, String ns, SchemaPath path) {
        List<EntityType> result = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            EntityType t = resolveDeclaredEntityType(names.get(i), ns, path.index(i));
            if (t != null) {
                result.add(t);
            }
        }
        return result;
    }

    /** An action reference: {@code "id"} means {@code NS::Action::"id"} if declared, else {@code Action::"id"}. */
    private EntityUid resolveAction(ActionDecl.ActionRef ref, String ns, SchemaPath path) {
        String raw = ref.type() == null ? "Action" : ref.type();
        if (!isValidReference(raw)) {
            problem("invalid action type `" + raw + "`", path, "a type name is identifiers joined by `::`");
            return null;
        }
        for (String candidate : candidates(raw, ns)) {
            EntityUid uid = new EntityUid(new EntityType(candidate), ref.id());
            if (actionDecls.containsKey(uid)) {
                return uid;
            }
        }
        problem("undeclared action `" + EntityUid.of(raw, ref.id()) + "`", path,
                "the actions that an action is a member of must be declared as actions");
        return null;
    }

    static String qualify(String ns, String name) {
        return ns.isEmpty() ? name : ns + "::" + name;
    }

    private void problem(String message, SchemaPath path, String help) {
        problems.add(new SchemaProblem(message, path, help));
    }

    /** {@code `ipaddr`, `decimal`, `datetime` and `duration`}, from the extension table. */
    private static String extensionTypeList() {
        List<String> quoted = EXTENSION_TYPES.stream().map(t -> "`" + t + "`").toList();
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
    }
}
