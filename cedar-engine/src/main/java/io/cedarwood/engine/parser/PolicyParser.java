package io.cedarwood.engine.parser;

import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.parser.antlr.CedarParser;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Parses Cedar text: policy sets, single policies and templates, expressions, entity uids and entity type
 * names. Accepts exactly what the reference parser accepts (Cedar 4.x) and reports every error it finds,
 * each with a source span, as one {@link ParseException}.
 *
 * <p>Depth is bounded so that no input can overflow the stack, here or in the code that walks the trees:
 * more than 200 levels of parentheses, brackets and braces, or an expression tree more than 500 levels deep
 * (a chain of 500 {@code &&} counts as 500 levels), is refused with a parse error. The reference accepts
 * any depth its stack allows; real policies stay far below these limits.
 */
public final class PolicyParser {
    private PolicyParser() {
    }

    /**
     * Parses the policies of a policy set (as {@code PolicySet.parse} does). Static policies and templates
     * get the ids {@code policy0}, {@code policy1}, ... in source order, counted together.
     *
     * @throws ParseException with every error found
     */
    public static List<Policy> parsePolicies(String text) {
        Objects.requireNonNull(text, "text");
        return guarded(text, () -> {
            Syntax syntax = Syntax.of(text);
            AstBuilder builder = new AstBuilder(syntax);
            List<Policy> policies = new ArrayList<>();
            syntax.parsePolicies((tree, position) -> {
                Policy p = builder.policy(tree, PolicyId.of("policy" + position));
                if (p != null) {
                    policies.add(p);
                }
            });
            return checked(text, builder, policies);
        });
    }

    /**
     * Parses exactly one policy or template (a policy whose scope mentions {@code ?principal} or
     * {@code ?resource}).
     *
     * @throws ParseException with every error found
     */
    public static Policy parsePolicy(PolicyId id, String text) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        return parse(text, CedarParser::singlePolicy, (builder, tree) -> builder.policy(tree.policy(), id));
    }

    /**
     * Parses a Cedar expression, such as {@code principal.age >= 18 && context.mfa}. Template slots are
     * not allowed.
     *
     * @throws ParseException with every error found
     */
    public static Expr parseExpression(String text) {
        Objects.requireNonNull(text, "text");
        return parse(text, CedarParser::singleExpr, (builder, tree) -> builder.expression(tree.expr()));
    }

    /**
     * Parses an entity uid written as in a policy: {@code User::"alice"}, {@code Ns::Action::"view"}.
     *
     * @throws ParseException when {@code text} is not one
     */
    public static EntityUid parseEntityUid(String text) {
        Objects.requireNonNull(text, "text");
        return parse(text, CedarParser::singleRef, AstBuilder::entityUid);
    }

    /**
     * Parses an entity type name: {@code User}, {@code Ns::User}. Segments must be identifiers that are
     * not reserved words, and {@code __cedar} is reserved.
     *
     * @throws ParseException when {@code text} is not one
     */
    public static EntityType parseEntityType(String text) {
        Objects.requireNonNull(text, "text");
        return parse(text, CedarParser::singleName, AstBuilder::entityType);
    }

    private interface Conversion<C, T> {
        T convert(AstBuilder builder, C tree);
    }

    private static <C extends org.antlr.v4.runtime.ParserRuleContext, T> T parse(
            String text, Function<CedarParser, C> rule, Conversion<C, T> conversion) {
        return guarded(text, () -> {
            Syntax syntax = Syntax.lex(text);
            C tree = syntax.parse(rule);
            AstBuilder builder = new AstBuilder(syntax);
            return checked(text, builder, conversion.convert(builder, tree));
        });
    }

    private static <T> T checked(String text, AstBuilder builder, T result) {
        if (!builder.errors().isEmpty()) {
            throw new ParseException(text, builder.errors());
        }
        return result;
    }

    private interface Body<T> {
        T run();
    }

    /** Runs a parse; a stack overflow (which the nesting limits should prevent) becomes a parse error. */
    private static <T> T guarded(String text, Body<T> body) {
        try {
            return body.run();
        } catch (StackOverflowError e) {
            throw new ParseException(text, List.of(new ParseError("the input is nested too deeply", null)));
        }
    }
}
