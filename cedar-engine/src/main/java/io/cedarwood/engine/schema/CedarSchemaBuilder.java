package io.cedarwood.engine.schema;

import io.cedarwood.engine.ast.SourceSpan;
import io.cedarwood.engine.parser.ParseError;
import io.cedarwood.engine.schema.antlr.CedarSchemaParser;
import io.cedarwood.engine.schema.antlr.CedarSchemaParser.ActionDeclContext;
import io.cedarwood.engine.schema.antlr.CedarSchemaParser.ActionRefContext;
import io.cedarwood.engine.schema.antlr.CedarSchemaParser.AnnotationContext;
import io.cedarwood.engine.schema.antlr.CedarSchemaParser.AppliesToContext;
import io.cedarwood.engine.schema.antlr.CedarSchemaParser.AppliesToDeclContext;
import io.cedarwood.engine.schema.antlr.CedarSchemaParser.AttributeDeclContext;
import io.cedarwood.engine.schema.antlr.CedarSchemaParser.DeclarationContext;
import io.cedarwood.engine.schema.antlr.CedarSchemaParser.IdentContext;
import io.cedarwood.engine.schema.antlr.CedarSchemaParser.NameContext;
import io.cedarwood.engine.schema.antlr.CedarSchemaParser.PathContext;
import io.cedarwood.engine.schema.antlr.CedarSchemaParser.RecordTypeContext;
import io.cedarwood.engine.schema.antlr.CedarSchemaParser.StrContext;
import io.cedarwood.engine.schema.antlr.CedarSchemaParser.TypeContext;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link SchemaFragment} from a parse tree of the human schema format, the way the reference
 * translates that format to its JSON one: every type name becomes an entity-or-common reference, a context
 * given by name a common-type reference, an action without {@code appliesTo} applies to nothing.
 * Records the source span of every schema path, for errors found later. Checks what the grammar leaves
 * open: reserved identifiers, escapes, duplicates, {@code appliesTo} contents.
 */
final class CedarSchemaBuilder {
    private final SourceOffsets offsets;
    private final List<ParseError> errors;
    private final Map<SchemaPath, SourceSpan> spans = new HashMap<>();
    private final Map<String, NamespaceBuilder> namespaces = new LinkedHashMap<>();

    CedarSchemaBuilder(SourceOffsets offsets, List<ParseError> errors) {
        this.offsets = offsets;
        this.errors = errors;
    }

    Map<SchemaPath, SourceSpan> spans() {
        return spans;
    }

    /** The declarations of one namespace, in written order. */
    private static final class NamespaceBuilder {
        final String name;
        final SchemaPath path;
        final Map<String, String> annotations;
        final Map<String, CommonTypeDecl> commonTypes = new LinkedHashMap<>();
        final Map<String, EntityDecl> entityTypes = new LinkedHashMap<>();
        final Map<String, ActionDecl> actions = new LinkedHashMap<>();

        NamespaceBuilder(String name, Map<String, String> annotations) {
            this.name = name;
            this.path = SchemaPath.ROOT.key(name);
            this.annotations = annotations;
        }

        NamespaceDecl build() {
            return new NamespaceDecl(commonTypes, entityTypes, actions, annotations);
        }
    }

    SchemaFragment build(CedarSchemaParser.SchemaContext tree) {
        for (CedarSchemaParser.TopLevelContext top : tree.topLevel()) {
            Map<String, String> annotations = annotations(top.annotation());
            if (top.namespace() != null) {
                namespace(top.namespace(), annotations);
            } else {
                NamespaceBuilder empty = namespaces.computeIfAbsent("", n -> new NamespaceBuilder(n, Map.of()));
                declaration(empty, top.declaration(), annotations);
            }
        }
        Map<String, NamespaceDecl> result = new LinkedHashMap<>();
        for (NamespaceBuilder ns : namespaces.values()) {
            result.put(ns.name, ns.build());
        }
        return new SchemaFragment(result);
    }

    private void namespace(CedarSchemaParser.NamespaceContext ctx, Map<String, String> annotations) {
        String name = path(ctx.path());
        SourceSpan span = offsets.span(ctx.path());
        if (namespaces.containsKey(name)) {
            error("duplicate namespace `" + name + "`", span, "a namespace can be declared only once");
            return;
        }
        NamespaceBuilder ns = new NamespaceBuilder(name, annotations);
        namespaces.put(name, ns);
        spans.put(ns.path, span);
        for (CedarSchemaParser.AnnotatedDeclarationContext d : ctx.annotatedDeclaration()) {
            declaration(ns, d.declaration(), annotations(d.annotation()));
        }
    }

    private void declaration(NamespaceBuilder ns, DeclarationContext ctx, Map<String, String> annotations) {
        if (ctx.entityDecl() instanceof CedarSchemaParser.EnumEntityContext e) {
            enumEntity(ns, e, annotations);
        } else if (ctx.entityDecl() instanceof CedarSchemaParser.StandardEntityContext e) {
            standardEntity(ns, e, annotations);
        } else if (ctx.actionDecl() != null) {
            action(ns, ctx.actionDecl(), annotations);
        } else {
            commonType(ns, ctx.typeDecl(), annotations);
        }
    }

    // ---------------------------------------------------------------- entity types

    private void enumEntity(NamespaceBuilder ns, CedarSchemaParser.EnumEntityContext ctx,
                            Map<String, String> annotations) {
        List<String> choices = new ArrayList<>();
        for (StrContext s : ctx.str()) {
            choices.add(string(s));
        }
        SourceSpan enumSpan = offsets.span(ctx.LBRACK().getSymbol(), ctx.RBRACK().getSymbol());
        for (IdentContext id : ctx.ident()) {
            String name = ident(id);
            SchemaPath path = declareEntity(ns, name, id);
            if (path != null) {
                ns.entityTypes.put(name, new EntityDecl.Enumerated(choices, annotations));
                spans.put(path.key("enum"), enumSpan);
                for (int i = 0; i < ctx.str().size(); i++) {
                    spans.put(path.key("enum").index(i), offsets.span(ctx.str(i)));
                }
            }
        }
    }

    private void standardEntity(NamespaceBuilder ns, CedarSchemaParser.StandardEntityContext ctx,
                                Map<String, String> annotations) {
        List<PathContext> parents = ctx.entityTypes() == null ? List.of() : ctx.entityTypes().path();
        List<String> memberOfTypes = new ArrayList<>();
        for (PathContext p : parents) {
            memberOfTypes.add(path(p));
        }
        for (IdentContext id : ctx.ident()) {
            String name = ident(id);
            SchemaPath path = declareEntity(ns, name, id);
            if (path == null) {
                continue;
            }
            for (int i = 0; i < parents.size(); i++) {
                spans.put(path.key("memberOfTypes").index(i), offsets.span(parents.get(i)));
            }
            TypeExpr shape = ctx.recordType() == null ? TypeExpr.RecordOf.EMPTY
                    : record(ctx.recordType(), path.key("shape"));
            TypeExpr tags = ctx.type() == null ? null : type(ctx.type(), path.key("tags"));
            ns.entityTypes.put(name, new EntityDecl.Standard(memberOfTypes, shape, tags, annotations));
        }
    }

    /** The path of a newly declared entity type, or {@code null} (after an error) when it is a duplicate. */
    private SchemaPath declareEntity(NamespaceBuilder ns, String name, IdentContext id) {
        if (ns.entityTypes.containsKey(name)) {
            error("duplicate entity type `" + name + "`", offsets.span(id), null);
            return null;
        }
        SchemaPath path = ns.path.key("entityTypes").key(name);
        spans.put(path, offsets.span(id));
        return path;
    }

    // ---------------------------------------------------------------- common types

    private void commonType(NamespaceBuilder ns, CedarSchemaParser.TypeDeclContext ctx,
                            Map<String, String> annotations) {
        String name = ident(ctx.ident());
        if (ns.commonTypes.containsKey(name)) {
            error("duplicate common type `" + name + "`", offsets.span(ctx.ident()), null);
            return;
        }
        SchemaPath path = ns.path.key("commonTypes").key(name);
        TypeExpr type = type(ctx.type(), path);
        // the type sits at the same path as its declaration (as in JSON): point at the whole declaration
        spans.put(path, offsets.span(ctx));
        ns.commonTypes.put(name, new CommonTypeDecl(type, annotations));
    }

    // ---------------------------------------------------------------- actions

    private void action(NamespaceBuilder ns, ActionDeclContext ctx, Map<String, String> annotations) {
        String firstName = name(ctx.name(0));
        List<ActionDecl.ActionRef> memberOf = new ArrayList<>();
        if (ctx.actionParents() != null) {
            if (ctx.actionParents().actionRef().isEmpty()) {
                error("the list of action groups is empty", offsets.span(ctx.actionParents()),
                        "remove `in []`, or name at least one action group");
            }
            for (ActionRefContext ref : ctx.actionParents().actionRef()) {
                memberOf.add(actionRef(ref));
            }
        }
        for (NameContext n : ctx.name()) {
            String name = n == ctx.name(0) ? firstName : name(n);
            if (ns.actions.containsKey(name)) {
                error("duplicate action `" + name + "`", offsets.span(n), null);
                continue;
            }
            SchemaPath path = ns.path.key("actions").key(name);
            spans.put(path, offsets.span(n));
            if (ctx.actionParents() != null) {
                for (int i = 0; i < memberOf.size(); i++) {
                    spans.put(path.key("memberOf").index(i), offsets.span(ctx.actionParents().actionRef(i)));
                }
            }
            // built once per name, so that each action's paths get their spans; errors repeat identically
            // and are reported once
            ActionDecl.AppliesTo appliesTo = ctx.appliesTo() == null ? ActionDecl.AppliesTo.NOTHING
                    : appliesTo(firstName, ctx.name(0), ctx.appliesTo(), path.key("appliesTo"));
            ns.actions.put(name, new ActionDecl(memberOf, appliesTo, annotations));
        }
    }

    private ActionDecl.ActionRef actionRef(ActionRefContext ctx) {
        if (ctx instanceof CedarSchemaParser.QualifiedActionRefContext q) {
            return new ActionDecl.ActionRef(path(q.path()), string(q.str()));
        }
        return new ActionDecl.ActionRef(null, name(((CedarSchemaParser.UnqualifiedActionRefContext) ctx).name()));
    }

    private ActionDecl.AppliesTo appliesTo(String action, NameContext actionName, AppliesToContext ctx,
                                           SchemaPath path) {
        spans.put(path, offsets.span(ctx));
        if (ctx.APPLIESTO() == null) {
            error("missing `appliesTo` before `{`", offsets.span(ctx.LBRACE().getSymbol()),
                    "action declarations require `appliesTo` before the `{ ... }` block");
        }
        List<String> principals = null;
        List<String> resources = null;
        TypeExpr context = null;
        for (AppliesToDeclContext decl : ctx.appliesToDecl()) {
            if (decl instanceof CedarSchemaParser.PrincipalOrResourceContext pr) {
                boolean principal = pr.PRINCIPAL() != null;
                String kind = principal ? "principal" : "resource";
                if ((principal ? principals : resources) != null) {
                    error("duplicate `" + kind + "` declaration in action `" + action + "`", offsets.span(pr),
                            "an action has one " + kind + " declaration, which may list several entity types, like `"
                                    + kind + ": [X, Y, Z]`");
                    continue;
                }
                List<String> types = new ArrayList<>();
                SchemaPath listPath = path.key(principal ? "principalTypes" : "resourceTypes");
                for (PathContext p : pr.entityTypes().path()) {
                    spans.put(listPath.index(types.size()), offsets.span(p));
                    types.add(path(p));
                }
                if (types.isEmpty()) {
                    error("for action `" + action + "`, `" + kind + "` is `[]`, which is invalid", offsets.span(pr),
                            PRINCIPAL_AND_RESOURCE_HELP);
                }
                if (principal) {
                    principals = types;
                } else {
                    resources = types;
                }
            } else {
                CedarSchemaParser.ContextDeclContext c = (CedarSchemaParser.ContextDeclContext) decl;
                if (context != null) {
                    error("duplicate context declaration in action `" + action + "`", offsets.span(c),
                            "delete one of the declarations, or merge them into one");
                    continue;
                }
                if (c.path() != null) {
                    context = new TypeExpr.CommonRef(path(c.path()));
                    spans.put(path.key("context"), offsets.span(c.path()));
                } else {
                    context = record(c.recordType(), path.key("context"));
                }
            }
        }
        if (principals == null) {
            error("missing `principal` declaration for `" + action + "`", offsets.span(actionName),
                    PRINCIPAL_AND_RESOURCE_HELP);
        }
        if (resources == null) {
            error("missing `resource` declaration for `" + action + "`", offsets.span(actionName),
                    PRINCIPAL_AND_RESOURCE_HELP);
        }
        return new ActionDecl.AppliesTo(principals == null ? List.of() : principals,
                resources == null ? List.of() : resources, context == null ? TypeExpr.RecordOf.EMPTY : context);
    }

    private static final String PRINCIPAL_AND_RESOURCE_HELP = "every action with `appliesTo` must declare both "
            + "`principal` and `resource` entity types, and neither list may be `[]`";

    // ---------------------------------------------------------------- types

    private TypeExpr type(TypeContext ctx, SchemaPath path) {
        spans.put(path, offsets.span(ctx));
        if (ctx instanceof CedarSchemaParser.SetTypeContext s) {
            return new TypeExpr.SetOf(type(s.type(), path.key("element")));
        }
        if (ctx instanceof CedarSchemaParser.NamedTypeContext n) {
            return new TypeExpr.EntityOrCommonRef(path(n.path()));
        }
        return record(((CedarSchemaParser.RecordTypeExprContext) ctx).recordType(), path);
    }

    private TypeExpr.RecordOf record(RecordTypeContext ctx, SchemaPath path) {
        spans.put(path, offsets.span(ctx));
        Map<String, TypeExpr.Attribute> attributes = new LinkedHashMap<>();
        for (AttributeDeclContext a : ctx.attributeDecl()) {
            Map<String, String> annotations = annotations(a.annotation());
            String name = name(a.name());
            TypeExpr type = type(a.type(), path.key("attributes").key(name));
            // as in the reference, a repeated attribute name replaces the earlier declaration
            attributes.put(name, new TypeExpr.Attribute(type, a.QUESTION() == null, annotations));
        }
        return new TypeExpr.RecordOf(attributes);
    }

    // ---------------------------------------------------------------- names, strings, annotations

    private Map<String, String> annotations(List<AnnotationContext> ctxs) {
        if (ctxs.isEmpty()) {
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (AnnotationContext a : ctxs) {
            String key = a.ident().getText();
            String value = a.str() == null ? "" : string(a.str());
            if (result.containsKey(key)) {
                error("duplicate annotation `@" + key + "`", offsets.span(a), "an annotation can appear only once");
                continue;
            }
            result.put(key, value);
        }
        return result;
    }

    private String path(PathContext ctx) {
        StringBuilder out = new StringBuilder();
        for (IdentContext id : ctx.ident()) {
            if (out.length() > 0) {
                out.append("::");
            }
            out.append(ident(id));
        }
        return out.toString();
    }

    /** An identifier, reporting the reserved ones ({@code in}, {@code true}, ...). */
    private String ident(IdentContext ctx) {
        String text = ctx.getText();
        if (SchemaStrings.RESERVED_WORDS.contains(text)) {
            error("`" + text + "` is a reserved identifier", offsets.span(ctx),
                    "to use it as an attribute or action name, quote it: `\"" + text + "\"`");
        }
        return text;
    }

    private String name(NameContext ctx) {
        return ctx.ident() != null ? ident(ctx.ident()) : string(ctx.str());
    }

    private String string(StrContext ctx) {
        Token token = ctx.STRING_LITERAL().getSymbol();
        String literal = token.getText();
        try {
            return SchemaStrings.unescape(literal.substring(1, literal.length() - 1));
        } catch (SchemaStrings.BadEscape e) {
            int start = offsets.charIndex(token.getStartIndex()) + 1 + e.offset;
            error(e.getMessage(), new SourceSpan(start, start + e.length), null);
            return literal;
        }
    }

    private void error(String message, SourceSpan span, String help) {
        errors.add(new ParseError(message, span, help));
    }
}
