package io.cedarwood.engine.parser;

import io.cedarwood.engine.ast.ActionConstraint;
import io.cedarwood.engine.ast.BinaryOp;
import io.cedarwood.engine.ast.Condition;
import io.cedarwood.engine.ast.Effect;
import io.cedarwood.engine.ast.EntityReference;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.Pattern;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.ScopeConstraint;
import io.cedarwood.engine.ast.SlotId;
import io.cedarwood.engine.ast.SourceSpan;
import io.cedarwood.engine.ast.SourceSpans;
import io.cedarwood.engine.ast.UnaryOp;
import io.cedarwood.engine.ast.Variable;
import io.cedarwood.engine.extensions.ExtensionFunction;
import io.cedarwood.engine.extensions.Extensions;
import io.cedarwood.engine.parser.antlr.CedarParser;
import io.cedarwood.engine.parser.antlr.CedarParser.AccessContext;
import io.cedarwood.engine.parser.antlr.CedarParser.AddExprContext;
import io.cedarwood.engine.parser.antlr.CedarParser.AndExprContext;
import io.cedarwood.engine.parser.antlr.CedarParser.AnyIdentContext;
import io.cedarwood.engine.parser.antlr.CedarParser.CallAccessContext;
import io.cedarwood.engine.parser.antlr.CedarParser.ConditionContext;
import io.cedarwood.engine.parser.antlr.CedarParser.ExprContext;
import io.cedarwood.engine.parser.antlr.CedarParser.ExprKeyInitContext;
import io.cedarwood.engine.parser.antlr.CedarParser.FieldAccessContext;
import io.cedarwood.engine.parser.antlr.CedarParser.IfExprContext;
import io.cedarwood.engine.parser.antlr.CedarParser.IfKeyInitContext;
import io.cedarwood.engine.parser.antlr.CedarParser.IndexAccessContext;
import io.cedarwood.engine.parser.antlr.CedarParser.LiteralContext;
import io.cedarwood.engine.parser.antlr.CedarParser.LiteralPrimaryContext;
import io.cedarwood.engine.parser.antlr.CedarParser.MemberContext;
import io.cedarwood.engine.parser.antlr.CedarParser.MultExprContext;
import io.cedarwood.engine.parser.antlr.CedarParser.NameContext;
import io.cedarwood.engine.parser.antlr.CedarParser.NamePrimaryContext;
import io.cedarwood.engine.parser.antlr.CedarParser.OrExprContext;
import io.cedarwood.engine.parser.antlr.CedarParser.ParenPrimaryContext;
import io.cedarwood.engine.parser.antlr.CedarParser.PlainExprContext;
import io.cedarwood.engine.parser.antlr.CedarParser.PolicyContext;
import io.cedarwood.engine.parser.antlr.CedarParser.PrimaryContext;
import io.cedarwood.engine.parser.antlr.CedarParser.RecInitContext;
import io.cedarwood.engine.parser.antlr.CedarParser.RecordPrimaryContext;
import io.cedarwood.engine.parser.antlr.CedarParser.RelOpContext;
import io.cedarwood.engine.parser.antlr.CedarParser.RelationContext;
import io.cedarwood.engine.parser.antlr.CedarParser.SetPrimaryContext;
import io.cedarwood.engine.parser.antlr.CedarParser.SlotContext;
import io.cedarwood.engine.parser.antlr.CedarParser.SlotPrimaryContext;
import io.cedarwood.engine.parser.antlr.CedarParser.UnaryContext;
import io.cedarwood.engine.parser.antlr.CedarParser.VariableDefContext;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.value.CedarStrings;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.Names;
import io.cedarwood.engine.value.StringValue;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Parse tree to AST, with Cedar's rules checked here rather than in the grammar (as the reference's
 * {@code cst_to_ast.rs} does): valid names and variables, function and method names and arity, scope
 * shapes, escapes, integer range, chained relations, unary limits, extended {@code has}. Errors are
 * collected, not thrown: a method returns {@code null} after recording what went wrong, and its callers
 * go on converting the siblings so that one pass reports as much as possible.
 */
final class AstBuilder {
    private static final Set<String> RESERVED_IDENTIFIERS = Set.of(
            "if", "true", "false", "then", "else", "in", "is", "has", "like");
    private static final String RESERVED_NAMESPACE = "__cedar";
    private static final String SCOPE_HELP =
            "policy scopes must contain a `principal`, `action`, and `resource` element in that order";
    private static final BigInteger LONG_MIN_MAGNITUDE = BigInteger.ONE.shiftLeft(63);
    private static final int MAX_LONG_DIGITS = String.valueOf(Long.MAX_VALUE).length();
    private static final List<String> BUILTIN_METHODS =
            List.of("contains", "containsAll", "containsAny", "isEmpty", "getTag", "hasTag");

    private final Syntax syntax;
    private final List<ParseError> errors = new ArrayList<>();
    private SourceSpans.Builder spans = SourceSpans.builder();
    /** {@code when} or {@code unless} while converting a condition; {@code null} for a bare expression. */
    private String clause;

    AstBuilder(Syntax syntax) {
        this.syntax = syntax;
    }

    List<ParseError> errors() {
        return errors;
    }

    // ---------------------------------------------------------------- entry points

    /** One policy or template, or {@code null} after recording errors. */
    Policy policy(PolicyContext c, PolicyId id) {
        spans = SourceSpans.builder();
        int before = errors.size();

        Effect effect = effect(c.effect);
        Map<String, String> annotations = annotations(c);

        List<VariableDefContext> vars = c.variableDef();
        int scopeEnd = c.effect.getStop().getStopIndex();
        ScopeConstraint principal = null;
        ActionConstraint action = null;
        ScopeConstraint resource = null;
        if (vars.size() > 0) {
            scopeEnd = vars.get(0).getStop().getStopIndex();
            principal = principalOrResource(vars.get(0), Variable.PRINCIPAL);
        } else {
            missingScopeVariable(c, scopeEnd, Variable.PRINCIPAL);
        }
        if (vars.size() > 1) {
            scopeEnd = vars.get(1).getStop().getStopIndex();
            action = action(vars.get(1));
        } else {
            missingScopeVariable(c, scopeEnd, Variable.ACTION);
        }
        if (vars.size() > 2) {
            resource = principalOrResource(vars.get(2), Variable.RESOURCE);
        } else {
            missingScopeVariable(c, scopeEnd, Variable.RESOURCE);
        }
        for (int i = 3; i < vars.size(); i++) {
            error(span(vars.get(i)), "this policy has an extra element in the scope: `" + text(vars.get(i)) + "`",
                    SCOPE_HELP);
        }

        List<Condition> conditions = new ArrayList<>();
        for (ConditionContext cc : c.condition()) {
            Condition condition = condition(cc);
            if (condition != null) {
                conditions.add(condition);
            }
        }

        if (errors.size() > before) {
            return null;
        }
        try {
            return Policy.builder(id, effect)
                    .annotations(annotations)
                    .principal(principal)
                    .action(action)
                    .resource(resource)
                    .conditions(conditions)
                    .sourceSpans(spans.whole(span(c)).build())
                    .build();
        } catch (CedarException e) {
            // the one thing a policy's constructor checks: its whole expression is too deep
            tooDeep(span(c));
            return null;
        }
    }

    /** A standalone expression (no slots allowed), or {@code null} after recording errors. */
    Expr expression(ExprContext c) {
        spans = SourceSpans.builder();
        Expr e = toExpr(expr(c));
        return e != null && checkDepth(e, span(c)) ? e : null;
    }

    /** An entity uid such as {@code Ns::User::"alice"}, or {@code null} after recording errors. */
    EntityUid entityUid(CedarParser.SingleRefContext c) {
        String type = validName(c.name());
        String id = unescape(c.STRING().getSymbol());
        return type == null || id == null ? null : new EntityUid(new EntityType(type), id);
    }

    /** An entity type name such as {@code Ns::User}, or {@code null} after recording errors. */
    EntityType entityType(CedarParser.SingleNameContext c) {
        String name = validName(c.name());
        return name == null ? null : new EntityType(name);
    }

    // ---------------------------------------------------------------- policy parts

    private Effect effect(AnyIdentContext c) {
        String word = textOf(c);
        switch (word) {
            case "permit":
                return Effect.PERMIT;
            case "forbid":
                return Effect.FORBID;
            default:
                error(span(c), "invalid policy effect: `" + word + "`", "effect must be either `permit` or `forbid`");
                return null;
        }
    }

    private Map<String, String> annotations(PolicyContext c) {
        Map<String, String> annotations = new LinkedHashMap<>();
        for (CedarParser.AnnotationContext a : c.annotation()) {
            String key = textOf(a.anyIdent());
            String value = a.STRING() == null ? "" : unescape(a.STRING().getSymbol());
            if (value == null) {
                continue;
            }
            if (annotations.containsKey(key)) {
                error(span(a), "duplicate annotation: `@" + key + "`");
            } else {
                annotations.put(key, value);
            }
        }
        return annotations;
    }

    private void missingScopeVariable(PolicyContext c, int lastStop, Variable v) {
        Token start = c.effect.getStart();
        int from = syntax.offsets().charOffset(start.getStartIndex());
        int to = syntax.offsets().charOffset(lastStop + 1);
        error(new SourceSpan(from, Math.max(from, to)),
                "this policy is missing the `" + v.cedarName() + "` variable in the scope", SCOPE_HELP);
    }

    private Condition condition(ConditionContext c) {
        String keyword = textOf(c.keyword);
        Condition.Kind kind;
        if (keyword.equals("when")) {
            kind = Condition.Kind.WHEN;
        } else if (keyword.equals("unless")) {
            kind = Condition.Kind.UNLESS;
        } else {
            error(span(c.keyword), "invalid policy condition: `" + keyword + "`",
                    "condition must be either `when` or `unless`");
            return null;
        }
        if (c.expr() == null) {
            error(span(c), "`" + keyword + "` condition clause cannot be empty");
            return null;
        }
        clause = keyword;
        Expr body;
        try {
            body = toExpr(expr(c.expr()));
        } finally {
            clause = null;
        }
        if (body == null || !checkDepth(body, span(c.expr()))) {
            return null;
        }
        return spans.put(new Condition(kind, body), span(c));
    }

    // ---------------------------------------------------------------- scope

    private Variable scopeVariable(AnyIdentContext c) {
        switch (textOf(c)) {
            case "principal":
                return Variable.PRINCIPAL;
            case "action":
                return Variable.ACTION;
            case "resource":
                return Variable.RESOURCE;
            default:
                error(span(c), "found an invalid variable in the policy scope: `" + textOf(c) + "`", SCOPE_HELP);
                return null;
        }
    }

    private ScopeConstraint principalOrResource(VariableDefContext c, Variable expected) {
        Variable var = scopeVariable(c.variable);
        if (var == null) {
            return null;
        }
        if (c.COLON() != null) {
            error(span(c.name()), "type constraints using `:` are not supported", "try using `is` instead");
            return null;
        }
        ScopeConstraint constraint;
        if (c.relOp() != null) {
            String op = textOf(c.relOp());
            if (op.equals("in") && isIsExpression(c.expr())) {
                error(span(c), "when `is` and `in` are used together, `is` must come first", "try `_ is _ in _`");
                return null;
            }
            Object ref = refOrRefs(c.expr(), var, RefKind.REF_OR_SLOT);
            if (ref == null) {
                return null;
            }
            EntityReference eref = (EntityReference) ref;
            if (op.equals("==")) {
                if (c.IS() != null) {
                    error(span(c), "`is` cannot be used together with `==`", "try using `_ is _ in _`");
                    return null;
                }
                constraint = new ScopeConstraint.Eq(eref);
            } else if (op.equals("in")) {
                if (c.IS() != null) {
                    EntityType type = entityTypeOf(add(c.addExpr()), var::cedarName, c.addExpr());
                    if (type == null) {
                        return null;
                    }
                    constraint = new ScopeConstraint.IsIn(type, eref);
                } else {
                    constraint = new ScopeConstraint.In(eref);
                }
            } else if (op.equals("=")) {
                error(span(c), "`=` is not a valid operator in Cedar", "try using `==` instead");
                return null;
            } else {
                error(span(c), "invalid operator in the policy scope: `" + op + "`",
                        "policy scope clauses can only use `==`, `in`, `is`, or `_ is _ in _`");
                return null;
            }
        } else if (c.IS() != null) {
            EntityType type = entityTypeOf(add(c.addExpr()), var::cedarName, c.addExpr());
            if (type == null) {
                return null;
            }
            constraint = new ScopeConstraint.Is(type);
        } else {
            constraint = new ScopeConstraint.Any();
        }
        if (var != expected) {
            error(span(c), "found the variable `" + var.cedarName() + "` where the variable `"
                    + expected.cedarName() + "` must be used", SCOPE_HELP);
            return null;
        }
        return spans.put(constraint, span(c));
    }

    private ActionConstraint action(VariableDefContext c) {
        Variable var = scopeVariable(c.variable);
        if (var == null) {
            return null;
        }
        if (var != Variable.ACTION) {
            error(span(c), "found the variable `" + var.cedarName() + "` where the variable `action` must be used",
                    SCOPE_HELP);
            return null;
        }
        if (c.COLON() != null) {
            error(span(c.name()), "type constraints using `:` are not supported", "try using `is` instead");
            return null;
        }
        if (c.IS() != null) {
            error(span(c), "`is` cannot appear in the action scope", "try moving `action is ..` into a `when` condition");
            return null;
        }
        if (c.relOp() == null) {
            return spans.put(new ActionConstraint.Any(), span(c));
        }
        String op = textOf(c.relOp());
        List<EntityUid> uids;
        ActionConstraint constraint;
        if (op.equals("in")) {
            if (isIsExpression(c.expr())) {
                error(span(c), "`is` cannot appear in the action scope",
                        "try moving `action is ..` into a `when` condition");
                return null;
            }
            Object refs = refOrRefs(c.expr(), Variable.ACTION, RefKind.ONE_OR_MANY);
            if (refs == null) {
                return null;
            }
            @SuppressWarnings("unchecked")
            List<EntityUid> list = refs instanceof EntityUid uid ? List.of(uid) : (List<EntityUid>) refs;
            uids = list;
            constraint = new ActionConstraint.In(list);
        } else if (op.equals("==")) {
            Object ref = refOrRefs(c.expr(), Variable.ACTION, RefKind.SINGLE);
            if (ref == null) {
                return null;
            }
            uids = List.of((EntityUid) ref);
            constraint = new ActionConstraint.Eq((EntityUid) ref);
        } else if (op.equals("=")) {
            error(span(c), "`=` is not a valid operator in Cedar", "try using `==` instead");
            return null;
        } else {
            error(span(c), "invalid operator in the action scope: `" + op + "`",
                    "action scope clauses can only use `==` or `in`");
            return null;
        }
        List<String> wrong = new ArrayList<>();
        for (EntityUid uid : uids) {
            if (!uid.type().isAction()) {
                wrong.add("`" + uid.toCedar() + "`");
            }
        }
        if (!wrong.isEmpty()) {
            error(span(c.expr()), "expected " + (wrong.size() > 1 ? "entity uids" : "an entity uid")
                            + " with type `Action` but got " + Syntax.joinWithConjunction(wrong, "and"),
                    "action entities must have type `Action`, optionally in a namespace");
            return null;
        }
        return spans.put(constraint, span(c));
    }

    /** Whether {@code e} is (possibly in parentheses) an {@code _ is _} expression without {@code in}. */
    private static boolean isIsExpression(ExprContext e) {
        ParserRuleContext node = e;
        while (true) {
            if (node instanceof PlainExprContext p) {
                node = p.orExpr();
            } else if (node instanceof OrExprContext o && o.andExpr().size() == 1) {
                node = o.andExpr(0);
            } else if (node instanceof AndExprContext a && a.relation().size() == 1) {
                node = a.relation(0);
            } else if (node instanceof RelationContext r) {
                if (r.IS() != null) {
                    return r.IN() == null;
                }
                if (!r.relOp().isEmpty() || r.HAS() != null || r.LIKE() != null) {
                    return false;
                }
                node = r.addExpr(0);
            } else if (node instanceof AddExprContext a && a.multExpr().size() == 1) {
                node = a.multExpr(0);
            } else if (node instanceof MultExprContext m && m.unary().size() == 1) {
                node = m.unary(0);
            } else if (node instanceof UnaryContext u && u.BANG().isEmpty() && u.DASH().isEmpty()) {
                node = u.member();
            } else if (node instanceof MemberContext m && m.access().isEmpty()) {
                node = m.primary();
            } else if (node instanceof ParenPrimaryContext p) {
                node = p.expr();
            } else {
                return false;
            }
        }
    }

    /** What a scope clause accepts on its right: one uid, a uid or the matching slot, a uid or a set of uids. */
    private enum RefKind {
        SINGLE("an entity uid"),
        REF_OR_SLOT("an entity uid or matching template slot"),
        ONE_OR_MANY("an entity uid or set of entity uids");

        final String description;

        RefKind(String description) {
            this.description = description;
        }
    }

    /**
     * The entity reference(s) in a scope clause's right-hand side: an {@link EntityUid} (SINGLE, or
     * ONE_OR_MANY with one uid), an {@link EntityReference} (REF_OR_SLOT) or a {@code List<EntityUid>}
     * (ONE_OR_MANY with a set); {@code null} after recording an error.
     */
    private Object refOrRefs(ExprContext e, Variable var, RefKind kind) {
        ParserRuleContext node = e;
        while (true) {
            if (passesThrough(node)) {
                node = (ParserRuleContext) node.getChild(0);
                continue;
            }
            if (node instanceof IfExprContext) {
                return wrongNode(node, kind, "an `if` expression", null);
            } else if (node instanceof PlainExprContext p) {
                node = p.orExpr();
            } else if (node instanceof OrExprContext o) {
                if (o.andExpr().size() > 1) {
                    return wrongNode(node, kind, "a `||` expression", "the policy scope can only contain one "
                            + "constraint per variable. Consider moving the second operand of this `||` into a new policy");
                }
                node = o.andExpr(0);
            } else if (node instanceof AndExprContext a) {
                if (a.relation().size() > 1) {
                    return wrongNode(node, kind, "a `&&` expression", "the policy scope can only contain one "
                            + "constraint per variable. Consider moving the second operand of this `&&` into a `when` condition");
                }
                node = a.relation(0);
            } else if (node instanceof RelationContext r) {
                if (!r.relOp().isEmpty()) {
                    return wrongNode(node, kind, "a binary operator", null);
                } else if (r.HAS() != null) {
                    return wrongNode(node, kind, "a `has` expression", null);
                } else if (r.LIKE() != null) {
                    return wrongNode(node, kind, "a `like` expression", null);
                } else if (r.IS() != null) {
                    return wrongNode(node, kind, "an `is` expression", null);
                }
                node = r.addExpr(0);
            } else if (node instanceof AddExprContext a) {
                if (a.multExpr().size() > 1) {
                    return wrongNode(node, kind, "a `+/-` expression", "entity types and namespaces cannot use "
                            + "`+` or `-` characters -- perhaps try `_` or `::` instead?");
                }
                node = a.multExpr(0);
            } else if (node instanceof MultExprContext m) {
                if (m.unary().size() > 1) {
                    return wrongNode(node, kind, "a `*` expression", null);
                }
                node = m.unary(0);
            } else if (node instanceof UnaryContext u) {
                if (!u.BANG().isEmpty() || !u.DASH().isEmpty()) {
                    String op = (u.BANG().isEmpty() ? "-" : "!").repeat(u.BANG().size() + u.DASH().size());
                    return wrongNode(node, kind, "a `" + op + "` expression", null);
                }
                node = u.member();
            } else if (node instanceof MemberContext m) {
                if (!m.access().isEmpty()) {
                    return wrongNode(node, kind, "a `.` expression", "entity types and namespaces cannot use "
                            + "`.` characters -- perhaps try `_` or `::` instead?");
                }
                node = m.primary();
            } else if (node instanceof ParenPrimaryContext p) {
                node = p.expr();
            } else if (node instanceof SlotPrimaryContext s) {
                return slotRef(s, var, kind);
            } else if (node instanceof LiteralPrimaryContext l) {
                return wrongNode(node, kind, "literal `" + textOf(l) + "`", l.literal().STRING() != null
                        ? "try including the entity type if you intended this string to be an entity uid" : null);
            } else if (node instanceof NamePrimaryContext n) {
                if (n.DCOLON() == null) {
                    return wrongNode(node, kind, "name `" + text(n.name()) + "`", var != Variable.ACTION
                            ? "try using `is` to test for an entity type or including an identifier string if you "
                            + "intended this name to be an entity uid"
                            : "try including an identifier string if you intended this name to be an entity uid");
                }
                EntityUid uid = entityLiteral(n);
                if (uid == null) {
                    return null;
                }
                return kind == RefKind.REF_OR_SLOT ? new EntityReference.Uid(uid) : uid;
            } else if (node instanceof SetPrimaryContext s) {
                if (kind == RefKind.SINGLE) {
                    return wrongEntityArgument(node, "single entity uid", "set of entity uids");
                } else if (kind == RefKind.REF_OR_SLOT) {
                    return wrongEntityArgument(node, "single entity uid or template slot", "set of entity uids");
                }
                List<EntityUid> uids = new ArrayList<>();
                boolean ok = true;
                for (ExprContext element : s.expr()) {
                    Object uid = refOrRefs(element, var, RefKind.SINGLE);
                    if (uid == null) {
                        ok = false;
                    } else {
                        uids.add((EntityUid) uid);
                    }
                }
                return ok ? uids : null;
            } else if (node instanceof RecordPrimaryContext) {
                return wrongNode(node, kind, "record initializer", null);
            } else {
                return wrongNode(node, kind, "`" + text(node) + "`", null);
            }
        }
    }

    /**
     * Whether {@code c} is one level of the expression grammar with no operator of its own ({@code a} as an
     * {@code orExpr}, ...): its only child is its meaning. Skipping such levels directly saves the lists the
     * generated accessors build.
     */
    private static boolean passesThrough(ParserRuleContext c) {
        return c.getChildCount() == 1 && (c instanceof PlainExprContext || c instanceof OrExprContext
                || c instanceof AndExprContext || c instanceof RelationContext || c instanceof AddExprContext
                || c instanceof MultExprContext || c instanceof UnaryContext || c instanceof MemberContext);
    }

    private Object slotRef(SlotPrimaryContext s, Variable var, RefKind kind) {
        if (kind == RefKind.SINGLE) {
            return wrongEntityArgument(s, "single entity uid", "template slot");
        } else if (kind == RefKind.ONE_OR_MANY) {
            return wrongEntityArgument(s, "single entity uid or set of entity uids", "template slot");
        }
        String slot = textOf(s);
        SlotId id = var == Variable.PRINCIPAL ? SlotId.PRINCIPAL : SlotId.RESOURCE;
        if (!slot.equals(id.cedarName())) {
            return wrongNode(s, kind, slot + " instead of " + id.cedarName(), null);
        }
        return new EntityReference.Slot(id);
    }

    private Object wrongNode(ParserRuleContext node, RefKind kind, String found, String help) {
        error(span(node), "expected " + kind.description + ", found " + found, help);
        return null;
    }

    private Object wrongEntityArgument(ParserRuleContext node, String expected, String found) {
        error(span(node), "expected " + expected + ", found " + found);
        return null;
    }

    // ---------------------------------------------------------------- expressions

    /**
     * An intermediate result: an expression, or one of the forms that mean something else in some places
     * (a variable or name can be an entity type or an attribute, a string literal can be a pattern, ...).
     */
    private sealed interface Special {
        SourceSpan span();
    }

    private record ExprS(Expr expr, SourceSpan span) implements Special {
    }

    private record VarS(Variable var, SourceSpan span) implements Special {
    }

    private record NameS(String name, boolean qualified, SourceSpan span) implements Special {
    }

    private record StrS(Token token, SourceSpan span) implements Special {
    }

    private record BoolS(boolean value, SourceSpan span) implements Special {
    }

    /** {@code ?principal} or {@code ?resource}: an error as an expression, but reported in context. */
    private record SlotS(SlotContext slot, SourceSpan span) implements Special {
    }

    private Expr toExpr(Special s) {
        if (s == null) {
            return null;
        } else if (s instanceof ExprS e) {
            return e.expr();
        } else if (s instanceof VarS v) {
            return node(new Expr.Var(v.var()), v.span());
        } else if (s instanceof NameS n) {
            error(n.span(), "invalid variable: `" + n.name() + "`", "the valid Cedar variables are `principal`, "
                    + "`action`, `resource`, and `context`; did you mean to enclose `" + n.name()
                    + "` in quotes to make a string?");
            return null;
        } else if (s instanceof StrS str) {
            String value = unescape(str.token());
            return value == null ? null : node(new Expr.Literal(StringValue.of(value)), str.span());
        } else if (s instanceof SlotS slot) {
            slotInExpression(slot.slot());
            return null;
        } else {
            BoolS b = (BoolS) s;
            return node(new Expr.Literal(BoolValue.of(b.value())), b.span());
        }
    }

    private Special expr(ExprContext c) {
        if (c instanceof IfExprContext i) {
            Expr cond = toExpr(expr(i.expr(0)));
            Expr then = toExpr(expr(i.expr(1)));
            Expr otherwise = toExpr(expr(i.expr(2)));
            if (cond == null || then == null || otherwise == null) {
                return null;
            }
            return exprS(new Expr.If(cond, then, otherwise), span(c));
        }
        return or(((PlainExprContext) c).orExpr());
    }

    private Special or(OrExprContext c) {
        if (c.getChildCount() == 1) {
            return and((AndExprContext) c.getChild(0));
        }
        return chain(c, c.andExpr(), this::and, Expr.Or::new);
    }

    private Special and(AndExprContext c) {
        if (c.getChildCount() == 1) {
            return relation((RelationContext) c.getChild(0));
        }
        return chain(c, c.relation(), this::relation, Expr.And::new);
    }

    /** A left-nested chain {@code a op b op c}: every operand is built (so all errors are found), then joined. */
    private <T extends ParserRuleContext> Special chain(ParserRuleContext c, List<T> parts, Function<T, Special> operand,
                                                        BinaryOperator<Expr> join) {
        Special first = operand.apply(parts.get(0));
        if (parts.size() == 1) {
            return first;
        }
        List<Expr> rest = new ArrayList<>();
        boolean ok = first != null;
        for (int i = 1; i < parts.size(); i++) {
            Expr e = toExpr(operand.apply(parts.get(i)));
            ok &= e != null;
            rest.add(e);
        }
        Expr acc = ok ? toExpr(first) : null;
        if (acc == null) {
            return null;
        }
        for (int i = 0; i < rest.size(); i++) {
            acc = node(join.apply(acc, rest.get(i)), span(c.getStart(), parts.get(i + 1).getStop()));
        }
        return new ExprS(acc, span(c));
    }

    private Special relation(RelationContext c) {
        if (c.getChildCount() == 1) {
            return add((AddExprContext) c.getChild(0));
        }
        List<AddExprContext> adds = c.addExpr();
        if (c.HAS() != null) {
            Expr target = toExpr(add(adds.get(0)));
            List<String> attributes = hasAttributes(c);
            if (target == null || attributes == null) {
                return null;
            }
            SourceSpan s = span(c);
            Expr has = node(new Expr.HasAttr(target, attributes.get(0)), s);
            Expr get = node(new Expr.GetAttr(target, attributes.get(0)), s);
            for (int i = 1; i < attributes.size(); i++) {
                has = node(new Expr.And(has, node(new Expr.HasAttr(get, attributes.get(i)), s)), s);
                get = node(new Expr.GetAttr(get, attributes.get(i)), s);
            }
            return exprS(has, s);
        } else if (c.LIKE() != null) {
            Expr target = toExpr(add(adds.get(0)));
            Pattern pattern = pattern(add(adds.get(1)), adds.get(1));
            if (target == null || pattern == null) {
                return null;
            }
            return exprS(new Expr.Like(target, pattern), span(c));
        } else if (c.IS() != null) {
            Expr target = toExpr(add(adds.get(0)));
            EntityType type = entityTypeOf(add(adds.get(1)), () -> text(adds.get(0)), adds.get(1));
            if (target == null || type == null) {
                return null;
            }
            if (c.IN() == null) {
                return exprS(new Expr.Is(target, type), span(c));
            }
            Expr in = toExpr(add(adds.get(2)));
            if (in == null) {
                return null;
            }
            Expr is = node(new Expr.Is(target, type), span(c.getStart(), adds.get(1).getStop()));
            Expr isIn = node(new Expr.Binary(BinaryOp.IN, target, in), span(c));
            return exprS(new Expr.And(is, isIn), span(c));
        }
        List<RelOpContext> ops = c.relOp();
        Special first = add(adds.get(0));
        if (ops.isEmpty()) {
            return first;
        }
        List<Expr> rest = new ArrayList<>();
        boolean ok = first != null;
        for (int i = 1; i < adds.size(); i++) {
            Expr e = toExpr(add(adds.get(i)));
            ok &= e != null;
            rest.add(e);
        }
        if (ops.size() > 1) {
            error(span(c), "multiple relational operators (>, ==, in, etc.) must be used with parentheses to "
                    + "make ordering explicit");
            ok = false;
        }
        Expr left = ok ? toExpr(first) : null;
        if (left == null) {
            return null;
        }
        BinaryOp op = switch (textOf(ops.get(0))) {
            case "<" -> BinaryOp.LESS;
            case "<=" -> BinaryOp.LESS_EQ;
            case ">=" -> BinaryOp.GREATER_EQ;
            case ">" -> BinaryOp.GREATER;
            case "!=" -> BinaryOp.NOT_EQ;
            case "==" -> BinaryOp.EQ;
            case "in" -> BinaryOp.IN;
            default -> null;
        };
        if (op == null) {
            error(span(ops.get(0)), "`=` is not a valid operator in Cedar", "try using `==` instead");
            return null;
        }
        return exprS(new Expr.Binary(op, left, rest.get(0)), span(c));
    }

    /**
     * The attributes that {@code e has ...} tests: one string for {@code has "a b"}, or the identifiers
     * of {@code has a.b.c}.
     */
    private List<String> hasAttributes(RelationContext c) {
        if (c.IF() != null) {
            error(span(c.IF()), "this identifier is reserved and cannot be used: `if`");
            return null;
        }
        AddExprContext rhs = c.addExpr(1);
        if (rhs.multExpr().size() != 1 || rhs.multExpr(0).unary().size() != 1) {
            return invalidHasRhs(rhs, rhs);
        }
        UnaryContext unary = rhs.multExpr(0).unary(0);
        if (!unary.BANG().isEmpty() || !unary.DASH().isEmpty()) {
            return invalidHasRhs(rhs, rhs);
        }
        PrimaryContext primary = unary.member().primary();
        List<AccessContext> accesses = unary.member().access();
        List<String> attributes = new ArrayList<>();
        if (primary instanceof LiteralPrimaryContext l) {
            LiteralContext lit = l.literal();
            if (lit.TRUE() != null || lit.FALSE() != null) {
                error(span(l), "this identifier is reserved and cannot be used: `" + lit.getText() + "`");
                return null;
            }
            if (lit.STRING() == null || !accesses.isEmpty()) {
                return invalidHasRhs(rhs, rhs);
            }
            String s = unescape(lit.STRING().getSymbol());
            return s == null ? null : List.of(s);
        } else if (primary instanceof NamePrimaryContext n && n.DCOLON() == null) {
            Special name = nameOrVar(n.name(), span(n));
            if (name == null) {
                return null;
            } else if (name instanceof VarS v) {
                attributes.add(v.var().cedarName());
            } else {
                NameS ns = (NameS) name;
                if (ns.qualified()) {
                    error(ns.span(), "`" + ns.name() + "` cannot be used as an attribute as it contains a namespace");
                    return null;
                }
                attributes.add(ns.name());
            }
        } else {
            return invalidHasRhs(rhs, primary);
        }
        boolean ok = true;
        for (AccessContext a : accesses) {
            if (a instanceof FieldAccessContext f) {
                String id = unreservedIdent(f.anyIdent());
                ok &= id != null;
                attributes.add(id);
            } else {
                return invalidHasRhs(rhs, a);
            }
        }
        return ok ? attributes : null;
    }

    private List<String> invalidHasRhs(AddExprContext rhs, ParserRuleContext at) {
        error(span(at), "invalid RHS of a `has` operation: `" + text(rhs) + "`", "valid RHS of a `has` operation is "
                + "either a sequence of identifiers separated by `.` or a string literal");
        return null;
    }

    private Pattern pattern(Special s, AddExprContext rhs) {
        if (s == null) {
            return null;
        }
        if (s instanceof StrS str) {
            Unescaper.Unescaped u = Unescaper.pattern(body(str.token()));
            if (!u.ok()) {
                reportEscapes(str.token(), u);
                return null;
            }
            return u.pattern();
        }
        error(s.span(), "right hand side of a `like` expression must be a pattern literal, but got `" + text(rhs) + "`");
        return null;
    }

    /** The entity type that a variable or name stands for, after {@code is}. */
    private EntityType entityTypeOf(Special s, Supplier<String> lhsText, AddExprContext rhsContext) {
        if (s == null) {
            return null;
        } else if (s instanceof VarS v) {
            return new EntityType(v.var().cedarName());
        } else if (s instanceof NameS n) {
            return new EntityType(n.name());
        }
        String rhs = text(rhsContext);
        String lhs = lhsText.get();
        String help;
        if (rhs.length() >= 2 && rhs.startsWith("\"") && rhs.endsWith("\"")
                && Names.isIdentifierShaped(rhs.substring(1, rhs.length() - 1))) {
            help = "try removing the quotes: `" + lhs + " is " + rhs.substring(1, rhs.length() - 1) + "`";
        } else {
            help = "try using `==` to test for equality: `" + lhs + " == " + rhs + "`";
        }
        error(s.span(), "right hand side of an `is` expression must be an entity type name, but got `" + rhs + "`", help);
        return null;
    }

    private Special add(AddExprContext c) {
        if (c.getChildCount() == 1) {
            return mult((MultExprContext) c.getChild(0));
        }
        List<MultExprContext> parts = c.multExpr();
        Special first = mult(parts.get(0));
        if (parts.size() == 1) {
            return first;
        }
        List<Expr> rest = new ArrayList<>();
        boolean ok = first != null;
        for (int i = 1; i < parts.size(); i++) {
            Expr e = toExpr(mult(parts.get(i)));
            ok &= e != null;
            rest.add(e);
        }
        Expr acc = ok ? toExpr(first) : null;
        if (acc == null) {
            return null;
        }
        List<CedarParser.AddOpContext> ops = c.addOp();
        for (int i = 0; i < rest.size(); i++) {
            BinaryOp op = textOf(ops.get(i)).equals("+") ? BinaryOp.ADD : BinaryOp.SUB;
            acc = node(new Expr.Binary(op, acc, rest.get(i)), span(c.getStart(), parts.get(i + 1).getStop()));
        }
        return new ExprS(acc, span(c));
    }

    private Special mult(MultExprContext c) {
        if (c.getChildCount() == 1) {
            return unary((UnaryContext) c.getChild(0));
        }
        List<UnaryContext> parts = c.unary();
        Special first = unary(parts.get(0));
        if (parts.size() == 1) {
            return first;
        }
        List<Expr> rest = new ArrayList<>();
        boolean ok = first != null;
        List<CedarParser.MultOpContext> ops = c.multOp();
        for (int i = 1; i < parts.size(); i++) {
            Expr e = toExpr(unary(parts.get(i)));
            String op = textOf(ops.get(i - 1));
            if (op.equals("/")) {
                error(span(c), "division is not supported");
                ok = false;
            } else if (op.equals("%")) {
                error(span(c), "remainder/modulo is not supported");
                ok = false;
            }
            ok &= e != null;
            rest.add(e);
        }
        Expr acc = ok ? toExpr(first) : null;
        if (acc == null) {
            return null;
        }
        for (int i = 0; i < rest.size(); i++) {
            acc = node(new Expr.Binary(BinaryOp.MUL, acc, rest.get(i)), span(c.getStart(), parts.get(i + 1).getStop()));
        }
        return new ExprS(acc, span(c));
    }

    private Special unary(UnaryContext c) {
        if (c.getChildCount() == 1) {
            return member((MemberContext) c.getChild(0));
        }
        int bangs = c.BANG().size();
        int dashes = c.DASH().size();
        if (bangs > 4 || dashes > 4) {
            error(span(c), "too many occurrences of `" + (bangs > 0 ? "!" : "-") + "`",
                    "cannot chain more than 4 applications of a unary operator");
            return null;
        }
        if (bangs > 0) {
            Expr e = toExpr(member(c.member()));
            if (e == null) {
                return null;
            }
            for (int i = bangs - 1; i >= 0; i--) {
                e = node(new Expr.Unary(UnaryOp.NOT, e), span(c.BANG(i).getSymbol(), c.getStop()));
            }
            return new ExprS(e, span(c));
        }
        if (dashes > 0) {
            Expr e;
            int negations = dashes;
            MemberContext m = c.member();
            if (m.access().isEmpty() && m.primary() instanceof LiteralPrimaryContext l && l.literal().NUMBER() != null) {
                // a negative literal: the last `-` is part of the number, so that -9223372036854775808 is one
                Token number = l.literal().NUMBER().getSymbol();
                e = longLiteral(number, true);
                if (e == null) {
                    return null;
                }
                negations--;
                e = node(e, span(c.DASH(negations).getSymbol(), number));
            } else {
                e = toExpr(member(m));
                if (e == null) {
                    return null;
                }
            }
            for (int i = negations - 1; i >= 0; i--) {
                e = node(new Expr.Unary(UnaryOp.NEG, e), span(c.DASH(i).getSymbol(), c.getStop()));
            }
            return new ExprS(e, span(c));
        }
        return member(c.member());
    }

    /** The value of an integer literal, negated if asked; {@code null} after an out-of-range error. */
    private Expr longLiteral(Token number, boolean negate) {
        String digits = number.getText();
        int firstNonZero = 0;
        while (firstNonZero < digits.length() - 1 && digits.charAt(firstNonZero) == '0') {
            firstNonZero++;
        }
        // a long has at most 19 digits: measure before converting (BigInteger is quadratic in the length)
        BigInteger value = digits.length() - firstNonZero > MAX_LONG_DIGITS ? null
                : new BigInteger(digits.substring(firstNonZero));
        if (value != null && negate) {
            value = value.negate();
        }
        if (value == null || value.bitLength() > 63 && !(negate && value.negate().equals(LONG_MIN_MAGNITUDE))) {
            error(span(number), "integer literal `" + CedarStrings.shorten(digits) + "` is too large",
                    "maximum allowed integer literal is `" + Long.MAX_VALUE + "`");
            return null;
        }
        return new Expr.Literal(LongValue.of(value.longValue()));
    }

    /** One accessor after a primary, converted. */
    private sealed interface Access {
        ParserRuleContext context();
    }

    private record Field(String name, ParserRuleContext context) implements Access {
    }

    private record Call(List<Expr> arguments, ParserRuleContext context) implements Access {
    }

    private record Index(String name, ParserRuleContext context) implements Access {
    }

    private Access access(AccessContext c) {
        if (c instanceof FieldAccessContext f) {
            String name = unreservedIdent(f.anyIdent());
            return name == null ? null : new Field(name, c);
        } else if (c instanceof CallAccessContext call) {
            List<Expr> args = new ArrayList<>();
            boolean ok = true;
            for (ExprContext e : call.expr()) {
                Expr arg = toExpr(expr(e));
                ok &= arg != null;
                args.add(arg);
            }
            return ok ? new Call(args, c) : null;
        }
        IndexAccessContext index = (IndexAccessContext) c;
        Special s = expr(index.expr());
        if (s == null) {
            return null;
        }
        if (s instanceof StrS str) {
            String name = unescape(str.token());
            return name == null ? null : new Index(name, c);
        }
        error(span(index.expr()), "the contents of an index expression must be a string literal");
        return null;
    }

    private Special member(MemberContext c) {
        if (c.getChildCount() == 1) {
            return primary((PrimaryContext) c.getChild(0));
        }
        Special primary = primary(c.primary());
        List<AccessContext> contexts = c.access();
        if (contexts.isEmpty()) {
            return primary;
        }
        List<Access> accesses = new ArrayList<>();
        boolean ok = primary != null;
        for (AccessContext a : contexts) {
            Access access = access(a);
            ok &= access != null;
            accesses.add(access);
        }
        if (!ok) {
            return null;
        }
        Token start = c.getStart();
        Expr head;
        int i;
        Access first = accesses.get(0);
        if (primary instanceof NameS name) {
            if (first instanceof Call call) {
                head = function(name, call.arguments(), span(start, call.context().getStop()));
                i = 1;
            } else if (first instanceof Field f && accesses.size() > 1 && accesses.get(1) instanceof Call) {
                error(span(c), "attempted to call `" + name.name() + "." + f.name() + "(...)`, but `" + name.name()
                        + "` does not have any methods");
                return null;
            } else if (first instanceof Field f) {
                error(span(c), "invalid member access `" + name.name() + "." + f.name() + "`, `" + name.name()
                        + "` has no fields or methods");
                return null;
            } else {
                error(span(c), "invalid indexing expression `" + name.name() + "[" + StringValue.of(((Index) first).name())
                        .toCedar() + "]`, `" + name.name() + "` has no fields");
                return null;
            }
        } else if (primary instanceof VarS var && first instanceof Call) {
            error(span(c), "`" + var.var().cedarName() + "(...)` is not a valid function call",
                    "variables cannot be called as functions");
            return null;
        } else {
            head = toExpr(primary);
            i = 0;
        }
        while (head != null && i < accesses.size()) {
            Access access = accesses.get(i);
            if (access instanceof Call) {
                error(span(c), "function calls must be of the form `<name>(arg1, arg2, ...)`");
                return null;
            } else if (access instanceof Field f && i + 1 < accesses.size() && accesses.get(i + 1) instanceof Call call) {
                head = method(f.name(), head, call.arguments(), span(start, call.context().getStop()));
                i += 2;
            } else {
                String attribute = access instanceof Field f ? f.name() : ((Index) access).name();
                head = node(new Expr.GetAttr(head, attribute), span(start, access.context().getStop()));
                i++;
            }
        }
        return head == null ? null : new ExprS(head, span(c));
    }

    private Expr method(String name, Expr receiver, List<Expr> args, SourceSpan span) {
        BinaryOp binary = switch (name) {
            case "contains" -> BinaryOp.CONTAINS;
            case "containsAll" -> BinaryOp.CONTAINS_ALL;
            case "containsAny" -> BinaryOp.CONTAINS_ANY;
            case "getTag" -> BinaryOp.GET_TAG;
            case "hasTag" -> BinaryOp.HAS_TAG;
            default -> null;
        };
        if (binary != null) {
            if (args.size() != 1) {
                wrongArity(name, 1, args.size(), span);
                return null;
            }
            return node(new Expr.Binary(binary, receiver, args.get(0)), span);
        }
        if (name.equals("isEmpty")) {
            if (!args.isEmpty()) {
                wrongArity(name, 0, args.size(), span);
                return null;
            }
            return node(new Expr.Unary(UnaryOp.IS_EMPTY, receiver), span);
        }
        ExtensionFunction f = Extensions.function(name);
        if (f != null && f.isMethod()) {
            // like the reference, the number of arguments of an extension function is checked when it is called
            List<Expr> all = new ArrayList<>(args.size() + 1);
            all.add(receiver);
            all.addAll(args);
            return node(new Expr.ExtensionCall(name, all), span);
        }
        if (f != null) {
            error(span, "`" + name + "` is a function, not a method", "use a function-style call `" + name + "(..)`");
        } else {
            error(span, "`" + name + "` is not a valid method", suggest(name, true));
        }
        return null;
    }

    private Expr function(NameS name, List<Expr> args, SourceSpan span) {
        if (!name.qualified()) {
            ExtensionFunction f = Extensions.function(name.name());
            if ((f != null && f.isMethod()) || BUILTIN_METHODS.contains(name.name())) {
                error(span, "`" + name.name() + "` is a method, not a function",
                        "use a method-style call `e." + name.name() + "(..)`");
                return null;
            }
            if (f != null) {
                return node(new Expr.ExtensionCall(name.name(), args), span);
            }
        }
        error(span, "`" + name.name() + "` is not a valid function", suggest(name.name(), false));
        return null;
    }

    private void wrongArity(String name, int expected, int got, SourceSpan span) {
        error(span, "call to `" + name + "` requires exactly " + expected + " argument" + (expected == 1 ? "" : "s")
                + ", but got " + got + " argument" + (got == 1 ? "" : "s"));
    }

    /** {@code did you mean `x`?} for the closest extension method or function within edit distance 3. */
    private static String suggest(String name, boolean methods) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (ExtensionFunction f : Extensions.all()) {
            if (f.isMethod() != methods) {
                continue;
            }
            int d = levenshtein(name, f.name());
            if (d < bestDistance) {
                bestDistance = d;
                best = f.name();
            }
        }
        return best != null && bestDistance <= 3 ? "did you mean `" + best + "`?" : null;
    }

    private static int levenshtein(String a, String b) {
        int[] ca = a.codePoints().toArray();
        int[] cb = b.codePoints().toArray();
        int[] prev = new int[cb.length + 1];
        int[] cur = new int[cb.length + 1];
        for (int j = 0; j <= cb.length; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= ca.length; i++) {
            cur[0] = i;
            for (int j = 1; j <= cb.length; j++) {
                int cost = ca[i - 1] == cb[j - 1] ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[cb.length];
    }

    private Special primary(PrimaryContext c) {
        if (c instanceof LiteralPrimaryContext l) {
            LiteralContext lit = l.literal();
            if (lit.TRUE() != null || lit.FALSE() != null) {
                return new BoolS(lit.TRUE() != null, span(c));
            } else if (lit.NUMBER() != null) {
                Expr e = longLiteral(lit.NUMBER().getSymbol(), false);
                return e == null ? null : exprS(e, span(c));
            }
            return new StrS(lit.STRING().getSymbol(), span(c));
        } else if (c instanceof NamePrimaryContext n) {
            if (n.DCOLON() != null) {
                EntityUid uid = entityLiteral(n);
                return uid == null ? null : exprS(new Expr.Literal(uid), span(c));
            }
            return nameOrVar(n.name(), span(c));
        } else if (c instanceof SlotPrimaryContext s) {
            if (s.slot().OTHER_SLOT() != null) {
                slotInExpression(s.slot());
                return null;
            }
            return new SlotS(s.slot(), span(c));
        } else if (c instanceof ParenPrimaryContext p) {
            Expr e = toExpr(expr(p.expr()));
            return e == null ? null : new ExprS(e, span(p.expr()));
        } else if (c instanceof SetPrimaryContext s) {
            List<Expr> elements = new ArrayList<>();
            boolean ok = true;
            for (ExprContext e : s.expr()) {
                Expr element = toExpr(expr(e));
                ok &= element != null;
                elements.add(element);
            }
            return ok ? exprS(new Expr.SetLit(elements), span(c)) : null;
        }
        return record((RecordPrimaryContext) c);
    }

    private Special record(RecordPrimaryContext c) {
        Map<String, Expr> fields = new LinkedHashMap<>();
        boolean ok = true;
        for (RecInitContext init : c.recInit()) {
            String key;
            Expr value;
            if (init instanceof IfKeyInitContext k) {
                error(span(k.IF()), "this identifier is reserved and cannot be used: `if`");
                key = null;
                value = toExpr(expr(k.expr()));
            } else {
                ExprKeyInitContext k = (ExprKeyInitContext) init;
                key = attributeName(expr(k.expr(0)), k.expr(0));
                value = toExpr(expr(k.expr(1)));
            }
            if (key == null || value == null) {
                ok = false;
            } else if (fields.containsKey(key)) {
                error(span(init), "duplicate key `" + key + "` in record literal");
                ok = false;
            } else {
                fields.put(key, value);
            }
        }
        return ok ? exprS(new Expr.RecordLit(fields), span(c)) : null;
    }

    /** A record literal's key: an identifier, a variable name or a string literal. */
    private String attributeName(Special s, ExprContext c) {
        if (s == null) {
            return null;
        } else if (s instanceof VarS v) {
            return v.var().cedarName();
        } else if (s instanceof NameS n) {
            if (n.qualified()) {
                error(n.span(), "`" + n.name() + "` cannot be used as an attribute as it contains a namespace");
                return null;
            }
            return n.name();
        } else if (s instanceof StrS str) {
            return unescape(str.token());
        } else if (s instanceof BoolS b) {
            error(b.span(), "this identifier is reserved and cannot be used: `" + b.value() + "`");
            return null;
        }
        error(s.span(), "invalid attribute name: `" + text(c) + "`",
                "attribute names can either be identifiers or string literals");
        return null;
    }

    private void slotInExpression(SlotContext s) {
        String slot = textOf(s);
        if (s.OTHER_SLOT() != null) {
            error(span(s), "`" + slot + "` is not a valid template slot",
                    "a template slot may only be `?principal` or `?resource`");
        } else if (clause != null) {
            error(span(s), "found template slot `" + slot + "` in a `" + clause + "` clause",
                    "slots are currently unsupported in `" + clause + "` clauses");
        } else {
            error(span(s), "found template slot `" + slot + "` in an expression",
                    "slots may only appear in the scope of a template");
        }
    }

    /** An entity literal {@code Type::"id"}; the {@code Type::{...}} form is an error. */
    private EntityUid entityLiteral(NamePrimaryContext n) {
        if (n.STRING() == null) {
            error(span(n), "invalid entity literal: `" + text(n) + "`",
                    "entity literals should have a form like `Namespace::User::\"alice\"`");
            return null;
        }
        String type = validName(n.name());
        String id = unescape(n.STRING().getSymbol());
        return type == null || id == null ? null : new EntityUid(new EntityType(type), id);
    }

    /** A variable (one of the four, unqualified) or a valid name. */
    private Special nameOrVar(NameContext c, SourceSpan span) {
        List<ParserRuleContext> segments = segments(c);
        if (segments.size() == 1) {
            Variable v = switch (textOf(segments.get(0))) {
                case "principal" -> Variable.PRINCIPAL;
                case "action" -> Variable.ACTION;
                case "resource" -> Variable.RESOURCE;
                case "context" -> Variable.CONTEXT;
                default -> null;
            };
            if (v != null) {
                return new VarS(v, span);
            }
        }
        String name = validName(c);
        return name == null ? null : new NameS(name, segments.size() > 1, span);
    }

    private static List<ParserRuleContext> segments(NameContext c) {
        List<ParserRuleContext> segments = new ArrayList<>();
        for (ParseTree child : c.children) {
            if (child instanceof ParserRuleContext p) {
                segments.add(p);
            }
        }
        return segments;
    }

    /** The name as {@code A::B::C} when every segment may be used in a name, or {@code null}. */
    private String validName(NameContext c) {
        boolean ok = true;
        StringBuilder name = new StringBuilder();
        boolean reservedNamespace = false;
        for (ParserRuleContext segment : segments(c)) {
            String id = textOf(segment);
            if (RESERVED_IDENTIFIERS.contains(id)) {
                error(span(segment), "this identifier is reserved and cannot be used: `" + id + "`");
                ok = false;
            }
            reservedNamespace |= id.equals(RESERVED_NAMESPACE);
            if (name.length() > 0) {
                name.append("::");
            }
            name.append(id);
        }
        if (ok && reservedNamespace) {
            error(span(c), "the name `" + name + "` contains `__cedar`, which is reserved");
            ok = false;
        }
        return ok ? name.toString() : null;
    }

    /** An identifier that may be used as an attribute or method name. */
    private String unreservedIdent(AnyIdentContext c) {
        String id = textOf(c);
        if (RESERVED_IDENTIFIERS.contains(id)) {
            error(span(c), "this identifier is reserved and cannot be used: `" + id + "`");
            return null;
        }
        if (id.equals(RESERVED_NAMESPACE)) {
            error(span(c), "the name `" + id + "` contains `__cedar`, which is reserved");
            return null;
        }
        return id;
    }

    // ---------------------------------------------------------------- strings

    private static String body(Token stringToken) {
        String t = stringToken.getText();
        return t.substring(1, t.length() - 1);
    }

    /** The value of a string literal token, or {@code null} after recording its bad escapes. */
    private String unescape(Token stringToken) {
        Unescaper.Unescaped u = Unescaper.string(body(stringToken));
        if (!u.ok()) {
            reportEscapes(stringToken, u);
            return null;
        }
        return u.value();
    }

    private void reportEscapes(Token stringToken, Unescaper.Unescaped u) {
        int bodyStart = syntax.offsets().charOffset(stringToken.getStartIndex()) + 1;
        for (Unescaper.BadEscape e : u.errors()) {
            error(new SourceSpan(bodyStart + e.start(), bodyStart + e.end()), e.message());
        }
    }

    // ---------------------------------------------------------------- depth

    /** Whether {@code e} is at most {@link Expr#MAX_DEPTH} deep; records an error if not. */
    private boolean checkDepth(Expr e, SourceSpan span) {
        if (e.depthUpTo(Expr.MAX_DEPTH) <= Expr.MAX_DEPTH) {
            return true;
        }
        tooDeep(span);
        return false;
    }

    private void tooDeep(SourceSpan span) {
        error(span, "the expression is nested too deeply",
                "at most " + Expr.MAX_DEPTH + " levels of nested operations are supported, a policy's scope and conditions included");
    }



    // ---------------------------------------------------------------- helpers

    private ExprS exprS(Expr e, SourceSpan span) {
        return new ExprS(node(e, span), span);
    }

    private <T extends Expr> T node(T e, SourceSpan span) {
        return spans.put(e, span);
    }

    private void error(SourceSpan span, String message) {
        errors.add(new ParseError(message, span));
    }

    private void error(SourceSpan span, String message, String help) {
        errors.add(new ParseError(message, span, help));
    }

    private SourceSpan span(ParserRuleContext c) {
        return span(c.getStart(), c.getStop());
    }

    private SourceSpan span(TerminalNode t) {
        return syntax.span(t.getSymbol());
    }

    private SourceSpan span(Token t) {
        return syntax.span(t);
    }

    private SourceSpan span(Token start, Token stop) {
        SourceSpan s = syntax.span(start);
        if (stop == null || stop.getType() == Token.EOF || stop.getStopIndex() < start.getStartIndex()) {
            return s;
        }
        SourceSpan e = syntax.span(stop);
        return new SourceSpan(s.start(), Math.max(s.start(), e.end()));
    }

    /**
     * The text of {@code c} as {@link ParserRuleContext#getText()} gives it, without building it from the
     * subtree when {@code c} is a single token (a word, an operator), as it mostly is here.
     */
    private static String textOf(ParserRuleContext c) {
        Token start = c.getStart();
        return start != null && start == c.getStop() ? start.getText() : c.getText();
    }

    /** The source text of a parse tree node, as written (white space and comments included). */
    private String text(ParserRuleContext c) {
        Token start = c.getStart();
        Token stop = c.getStop();
        if (stop == null || stop.getType() == Token.EOF || stop.getStopIndex() < start.getStartIndex()) {
            return "";
        }
        Syntax.Offsets offsets = syntax.offsets();
        return syntax.text().substring(offsets.charOffset(start.getStartIndex()), offsets.charOffset(stop.getStopIndex() + 1));
    }
}
