package io.cedarwood.engine.schema;

import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.value.CedarStrings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link SchemaFragment} in the human schema format. The text parses back to an equal fragment
 * when the fragment came from the human format; from JSON, names that JSON pins to one kind (an
 * {@code Entity} or a common-type reference) are written bare, which is checked to resolve the same way.
 * Builtins are written bare ({@code Long}) when nothing declared shadows them, else as {@code __cedar::Long}.
 * Refuses what the human format cannot say: an entity shape that is not a record literal, a record with
 * {@code additionalAttributes}, a reference that would resolve differently when written bare.
 */
final class CedarSchemaPrinter {
    private static final String INDENT = "  ";

    private final StringBuilder out = new StringBuilder();
    private final Set<String> commonNames = new HashSet<>();
    private final Set<String> entityNames = new HashSet<>();

    private CedarSchemaPrinter(SchemaFragment fragment) {
        for (Map.Entry<String, NamespaceDecl> ns : fragment.namespaces().entrySet()) {
            for (String name : ns.getValue().commonTypes().keySet()) {
                commonNames.add(SchemaResolver.qualify(ns.getKey(), name));
            }
            for (String name : ns.getValue().entityTypes().keySet()) {
                entityNames.add(SchemaResolver.qualify(ns.getKey(), name));
            }
            if (!ns.getValue().actions().isEmpty()) {
                entityNames.add(SchemaResolver.qualify(ns.getKey(), "Action"));
            }
        }
    }

    static String print(SchemaFragment fragment) {
        CedarSchemaPrinter p = new CedarSchemaPrinter(fragment);
        NamespaceDecl empty = fragment.namespaces().get("");
        boolean first = true;
        if (empty != null && !isEmpty(empty)) {
            p.declarations("", empty, "");
            first = false;
        }
        for (Map.Entry<String, NamespaceDecl> ns : fragment.namespaces().entrySet()) {
            if (ns.getKey().isEmpty()) {
                continue;
            }
            if (!first) {
                p.out.append('\n');
            }
            first = false;
            p.annotations(ns.getValue().annotations(), "");
            p.out.append("namespace ").append(ns.getKey()).append(" {\n");
            p.declarations(ns.getKey(), ns.getValue(), INDENT);
            p.out.append("}\n");
        }
        return p.out.toString();
    }

    private static boolean isEmpty(NamespaceDecl ns) {
        return ns.commonTypes().isEmpty() && ns.entityTypes().isEmpty() && ns.actions().isEmpty();
    }

    private void declarations(String ns, NamespaceDecl decl, String indent) {
        List<Runnable> items = new ArrayList<>();
        for (Map.Entry<String, CommonTypeDecl> e : decl.commonTypes().entrySet()) {
            items.add(() -> commonType(ns, e.getKey(), e.getValue(), indent));
        }
        for (Map.Entry<String, EntityDecl> e : decl.entityTypes().entrySet()) {
            items.add(() -> entityType(ns, e.getKey(), e.getValue(), indent));
        }
        for (Map.Entry<String, ActionDecl> e : decl.actions().entrySet()) {
            items.add(() -> action(ns, e.getKey(), e.getValue(), indent));
        }
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            items.get(i).run();
        }
    }

    private void commonType(String ns, String name, CommonTypeDecl decl, String indent) {
        annotations(decl.annotations(), indent);
        out.append(indent).append("type ").append(name).append(" = ");
        type(ns, decl.type(), indent);
        out.append(";\n");
    }

    private void entityType(String ns, String name, EntityDecl decl, String indent) {
        annotations(decl.annotations(), indent);
        out.append(indent).append("entity ").append(name);
        if (decl instanceof EntityDecl.Enumerated en) {
            out.append(" enum [");
            for (int i = 0; i < en.choices().size(); i++) {
                out.append(i > 0 ? ", " : "").append(CedarStrings.quote(en.choices().get(i)));
            }
            out.append("]");
        } else {
            EntityDecl.Standard st = (EntityDecl.Standard) decl;
            if (!st.memberOfTypes().isEmpty()) {
                out.append(" in [").append(String.join(", ", st.memberOfTypes())).append(']');
            }
            if (!(st.shape() instanceof TypeExpr.RecordOf shape)) {
                throw new CedarException("entity type `" + SchemaResolver.qualify(ns, name)
                        + "` cannot be written in the human schema format: its attributes are given by a common "
                        + "type name, and the human format needs a record type there");
            }
            if (!shape.isEmpty()) {
                out.append(" = ");
                record(ns, shape, indent);
            }
            if (st.tags() != null) {
                out.append(" tags ");
                type(ns, st.tags(), indent);
            }
        }
        out.append(";\n");
    }

    private void action(String ns, String name, ActionDecl decl, String indent) {
        annotations(decl.annotations(), indent);
        out.append(indent).append("action ").append(name(name));
        if (!decl.memberOf().isEmpty()) {
            out.append(" in [");
            for (int i = 0; i < decl.memberOf().size(); i++) {
                ActionDecl.ActionRef ref = decl.memberOf().get(i);
                out.append(i > 0 ? ", " : "");
                if (ref.type() == null) {
                    out.append(name(ref.id()));
                } else {
                    out.append(ref.type()).append("::").append(CedarStrings.quote(ref.id()));
                }
            }
            out.append(']');
        }
        ActionDecl.AppliesTo appliesTo = decl.appliesTo();
        // an action with no principal or no resource types applies to nothing: the human format says so by
        // leaving out `appliesTo` (it has no way to write `[]`)
        if (!appliesTo.principalTypes().isEmpty() && !appliesTo.resourceTypes().isEmpty()) {
            String inner = indent + INDENT;
            out.append(" appliesTo {\n");
            out.append(inner).append("principal: [").append(String.join(", ", appliesTo.principalTypes())).append("],\n");
            out.append(inner).append("resource: [").append(String.join(", ", appliesTo.resourceTypes())).append(']');
            TypeExpr context = appliesTo.context();
            if (!(context instanceof TypeExpr.RecordOf r && r.isEmpty())) {
                out.append(",\n").append(inner).append("context: ");
            }
            if (context instanceof TypeExpr.RecordOf r && r.isEmpty()) {
                // the default: no context
            } else if (context instanceof TypeExpr.CommonRef ref) {
                out.append(ref.name());
            } else if (context instanceof TypeExpr.EntityOrCommonRef ref) {
                // for a valid schema this names a common record type, which is what `context: Name` means
                out.append(ref.name());
            } else if (context instanceof TypeExpr.RecordOf record) {
                record(ns, record, inner);
            } else {
                throw new CedarException("action `" + name + "` cannot be written in the human schema format: "
                        + "its context is not a record type");
            }
            out.append('\n').append(indent).append('}');
        }
        out.append(";\n");
    }

    private void type(String ns, TypeExpr type, String indent) {
        if (type instanceof TypeExpr.Primitive p) {
            builtin(ns, switch (p.kind()) {
                case LONG -> "Long";
                case STRING -> "String";
                case BOOLEAN -> "Bool";
            });
        } else if (type instanceof TypeExpr.ExtensionRef e) {
            builtin(ns, e.name());
        } else if (type instanceof TypeExpr.SetOf s) {
            out.append("Set<");
            type(ns, s.element(), indent);
            out.append('>');
        } else if (type instanceof TypeExpr.RecordOf r) {
            record(ns, r, indent);
        } else if (type instanceof TypeExpr.EntityOrCommonRef ref) {
            out.append(ref.name());
        } else if (type instanceof TypeExpr.EntityRef ref) {
            bareReference(ns, ref.name(), false);
        } else {
            bareReference(ns, ((TypeExpr.CommonRef) type).name(), true);
        }
    }

    /** A builtin type, bare if that resolves to the builtin where it is written. */
    private void builtin(String ns, String name) {
        boolean shadowed = declared(name) || (!ns.isEmpty() && declared(ns + "::" + name));
        out.append(shadowed ? SchemaResolver.CEDAR_NAMESPACE + "::" : "").append(name);
    }

    private boolean declared(String qualified) {
        return commonNames.contains(qualified) || entityNames.contains(qualified);
    }

    /**
     * A name that JSON pins to a common type ({@code common}) or to an entity type, written bare; refused
     * when the bare name would resolve to the other kind first.
     */
    private void bareReference(String ns, String name, boolean common) {
        List<String> candidates = name.contains("::") || ns.isEmpty() ? List.of(name) : List.of(ns + "::" + name, name);
        for (String c : candidates) {
            boolean isCommon = commonNames.contains(c) || isBuiltinAlias(c);
            boolean isEntity = entityNames.contains(c);
            if (common ? isCommon : (isEntity && !isCommon)) {
                break;
            }
            if (isCommon || isEntity) {
                throw new CedarException("the schema cannot be written in the human schema format: `" + name
                        + "` refers to " + (common ? "a common type" : "an entity type") + " in JSON, but would refer to `"
                        + c + "` in the human format");
            }
        }
        out.append(name);
    }

    private boolean isBuiltinAlias(String name) {
        if (name.startsWith(SchemaResolver.CEDAR_NAMESPACE + "::")) {
            String base = name.substring(SchemaResolver.CEDAR_NAMESPACE.length() + 2);
            return SchemaResolver.PRIMITIVE_NAMES.contains(base) || SchemaResolver.EXTENSION_TYPES.contains(base);
        }
        return (SchemaResolver.PRIMITIVE_NAMES.contains(name) || SchemaResolver.EXTENSION_TYPES.contains(name))
                && !declared(name);
    }

    private void record(String ns, TypeExpr.RecordOf record, String indent) {
        if (record.additionalAttributes()) {
            throw new CedarException("the schema cannot be written in the human schema format: it has a record "
                    + "type with `additionalAttributes`");
        }
        if (record.attributes().isEmpty()) {
            out.append("{}");
            return;
        }
        String inner = indent + INDENT;
        out.append("{\n");
        int i = 0;
        for (Map.Entry<String, TypeExpr.Attribute> a : record.attributes().entrySet()) {
            annotations(a.getValue().annotations(), inner);
            out.append(inner).append(name(a.getKey())).append(a.getValue().required() ? ": " : "?: ");
            type(ns, a.getValue().type(), inner);
            out.append(++i < record.attributes().size() ? ",\n" : "\n");
        }
        out.append(indent).append('}');
    }

    private void annotations(Map<String, String> annotations, String indent) {
        for (Map.Entry<String, String> a : annotations.entrySet()) {
            out.append(indent).append('@').append(a.getKey());
            if (!a.getValue().isEmpty()) {
                out.append('(').append(CedarStrings.quote(a.getValue())).append(')');
            }
            out.append('\n');
        }
    }

    /** An attribute or action name: bare when it is an identifier, else quoted. */
    private static String name(String name) {
        return SchemaStrings.isBareIdentifier(name) ? name : CedarStrings.quote(name);
    }
}
