package io.cedarwood.engine.parser;

import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.authz.PolicySet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every error the reference reports at parse time is reported, with its words and where it is. */
class PolicyParserErrorTest {

    private static final String SCOPE = "permit(principal, action, resource) when { %s };";

    static ParseException policyError(String text) {
        return error(() -> PolicySet.parse(text));
    }

    static ParseException conditionError(String condition) {
        return policyError(String.format(SCOPE, condition));
    }

    static ParseException error(Supplier<?> parse) {
        ParseException e = catchThrowableOfType(ParseException.class, parse::get);
        assertThat(e).as("expected a parse error").isNotNull();
        return e;
    }

    static Stream<Arguments> expressionErrors() {
        return Stream.of(
                // names and variables
                Arguments.of("foo", "invalid variable: `foo`"),
                Arguments.of("A::B", "invalid variable: `A::B`"),
                Arguments.of("principal.if", "this identifier is reserved and cannot be used: `if`"),
                Arguments.of("principal.then", "this identifier is reserved and cannot be used: `then`"),
                Arguments.of("principal.__cedar", "contains `__cedar`, which is reserved"),
                Arguments.of("if::A::\"x\" == principal", "this identifier is reserved and cannot be used: `if`"),
                Arguments.of("A::in::\"x\" == principal", "this identifier is reserved and cannot be used: `in`"),
                Arguments.of("__cedar::A::\"x\" == principal", "the name `__cedar::A` contains `__cedar`, which is reserved"),
                Arguments.of("__cedar::ip(\"1.1.1.1\")", "contains `__cedar`, which is reserved"),
                Arguments.of("A::{a: 1} == principal", "invalid entity literal: `A::{a: 1}`"),
                // operators
                Arguments.of("1 == 2 == 3", "multiple relational operators (>, ==, in, etc.) must be used with parentheses"),
                Arguments.of("1 < 2 < 3", "multiple relational operators"),
                Arguments.of("principal in resource in context", "multiple relational operators"),
                Arguments.of("1 = 2", "`=` is not a valid operator in Cedar"),
                Arguments.of("4 / 2 == 2", "division is not supported"),
                Arguments.of("4 % 2 == 0", "remainder/modulo is not supported"),
                Arguments.of("!!!!!true", "too many occurrences of `!`"),
                Arguments.of("-----1 == 1", "too many occurrences of `-`"),
                // integers
                Arguments.of("9223372036854775808 == 1", "integer literal `9223372036854775808` is too large"),
                Arguments.of("-9223372036854775809 == 1", "integer literal `9223372036854775809` is too large"),
                Arguments.of("-(9223372036854775808) == 1", "integer literal `9223372036854775808` is too large"),
                Arguments.of("99999999999999999999999 == 1", "is too large"),
                // functions and methods
                Arguments.of("foo(1)", "`foo` is not a valid function"),
                Arguments.of("A::ip(\"1.1.1.1\")", "`A::ip` is not a valid function"),
                Arguments.of("principal.foo()", "`foo` is not a valid method"),
                Arguments.of("contains(principal)", "`contains` is a method, not a function"),
                Arguments.of("isLoopback(ip(\"1.1.1.1\"))", "`isLoopback` is a method, not a function"),
                Arguments.of("principal.ip(\"1.1.1.1\")", "`ip` is a function, not a method"),
                Arguments.of("principal.contains()", "call to `contains` requires exactly 1 argument, but got 0 arguments"),
                Arguments.of("principal.containsAll(1, 2)", "call to `containsAll` requires exactly 1 argument, but got 2 arguments"),
                Arguments.of("principal.containsAny()", "call to `containsAny` requires exactly 1 argument"),
                Arguments.of("principal.getTag()", "call to `getTag` requires exactly 1 argument"),
                Arguments.of("principal.hasTag(1, 2)", "call to `hasTag` requires exactly 1 argument"),
                Arguments.of("principal.isEmpty(1)", "call to `isEmpty` requires exactly 0 arguments, but got 1 argument"),
                Arguments.of("principal(1)", "`principal(...)` is not a valid function call"),
                Arguments.of("(principal.a)(1)", "function calls must be of the form `<name>(arg1, arg2, ...)`"),
                Arguments.of("foo.bar", "invalid member access `foo.bar`, `foo` has no fields or methods"),
                Arguments.of("foo.bar()", "attempted to call `foo.bar(...)`, but `foo` does not have any methods"),
                Arguments.of("foo[\"bar\"]", "invalid indexing expression `foo[\"bar\"]`, `foo` has no fields"),
                Arguments.of("principal[1]", "the contents of an index expression must be a string literal"),
                Arguments.of("principal[(\"a\")]", "the contents of an index expression must be a string literal"),
                // has, like, is
                Arguments.of("principal has if", "this identifier is reserved and cannot be used: `if`"),
                Arguments.of("principal has true", "this identifier is reserved and cannot be used: `true`"),
                Arguments.of("principal has a.if", "this identifier is reserved and cannot be used: `if`"),
                Arguments.of("principal has a[\"b\"]", "invalid RHS of a `has` operation: `a[\"b\"]`"),
                Arguments.of("principal has 1", "invalid RHS of a `has` operation: `1`"),
                Arguments.of("principal has (a)", "invalid RHS of a `has` operation"),
                Arguments.of("principal has a + b", "invalid RHS of a `has` operation"),
                Arguments.of("principal has A::b", "`A::b` cannot be used as an attribute as it contains a namespace"),
                Arguments.of("principal has a.b()", "invalid RHS of a `has` operation"),
                Arguments.of("principal like principal", "right hand side of a `like` expression must be a pattern literal, but got `principal`"),
                Arguments.of("principal like (\"a\")", "must be a pattern literal"),
                Arguments.of("principal like \"\\q\"", "the input `\\q` is not a valid escape"),
                Arguments.of("principal is \"User\"", "right hand side of an `is` expression must be an entity type name, but got `\"User\"`"),
                Arguments.of("principal is User::\"a\"", "right hand side of an `is` expression must be an entity type name"),
                Arguments.of("principal is (User)", "invalid variable: `User`"),
                Arguments.of("principal is if::A", "this identifier is reserved and cannot be used: `if`"),
                // records and strings
                Arguments.of("{a: 1, a: 2}", "duplicate key `a` in record literal"),
                Arguments.of("{a: 1, \"a\": 2}", "duplicate key `a` in record literal"),
                Arguments.of("{if: 1}", "this identifier is reserved and cannot be used: `if`"),
                Arguments.of("{true: 1}", "this identifier is reserved and cannot be used: `true`"),
                Arguments.of("{then: 1}", "this identifier is reserved and cannot be used: `then`"),
                Arguments.of("{A::b: 1}", "`A::b` cannot be used as an attribute as it contains a namespace"),
                Arguments.of("{1: 1}", "invalid attribute name: `1`"),
                Arguments.of("{(\"a\"): 1}", "invalid attribute name: `(\"a\")`"),
                Arguments.of("\"\\x80\" == \"\"", "the input `\\x80` is not a valid escape"),
                Arguments.of("\"\\u{D800}\" == \"\"", "the input `\\u{D800}` is not a valid escape"),
                Arguments.of("\"a\rb\" == \"\"", "a bare carriage return is not allowed in a string"),
                // slots
                Arguments.of("?principal == principal", "found template slot `?principal` in a `when` clause"),
                Arguments.of("?foo == principal", "`?foo` is not a valid template slot"),
                Arguments.of("?principal.foo", "found template slot `?principal` in a `when` clause"),
                Arguments.of("principal is ?resource", "must be an entity type name, but got `?resource`"),
                Arguments.of("{?principal: 1}", "invalid attribute name: `?principal`"),
                Arguments.of("principal has ?principal", "invalid RHS of a `has` operation"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expressionErrors")
    void reportsExpressionErrorsInConditions(String condition, String message) {
        ParseException e = conditionError(condition);

        assertThat(e.errors()).extracting(ParseError::message).anySatisfy(m -> assertThat(m).contains(message));
        assertThat(e.errors()).allSatisfy(err -> assertThat(err.span()).isNotNull());
    }

    @Test
    void reportsSlotsInUnlessClauses() {
        ParseException e = policyError("permit(principal, action, resource) unless { ?resource };");

        assertThat(e.errors()).extracting(ParseError::message)
                .containsExactly("found template slot `?resource` in a `unless` clause");
        assertThat(e.errors().get(0).help()).isEqualTo("slots are currently unsupported in `unless` clauses");
    }

    static Stream<Arguments> policyErrors() {
        return Stream.of(
                Arguments.of("allow(principal, action, resource);", "invalid policy effect: `allow`"),
                Arguments.of("permit(principal, action, resource) if { true };", "invalid policy condition: `if`"),
                Arguments.of("permit(principal, action, resource) when {};", "`when` condition clause cannot be empty"),
                Arguments.of("permit(principal, action, resource) unless { };", "`unless` condition clause cannot be empty"),
                Arguments.of("permit(principal, action);", "this policy is missing the `resource` variable in the scope"),
                Arguments.of("permit(principal);", "this policy is missing the `action` variable in the scope"),
                Arguments.of("permit();", "this policy is missing the `principal` variable in the scope"),
                Arguments.of("permit(principal, action, resource, context);", "this policy has an extra element in the scope: `context`"),
                Arguments.of("permit(resource, action, principal);", "found the variable `resource` where the variable `principal` must be used"),
                Arguments.of("permit(principal, principal, resource);", "found the variable `principal` where the variable `action` must be used"),
                Arguments.of("permit(context, action, resource);", "found an invalid variable in the policy scope: `context`"),
                Arguments.of("permit(principal: User, action, resource);", "type constraints using `:` are not supported"),
                Arguments.of("permit(principal < User::\"a\", action, resource);", "invalid operator in the policy scope: `<`"),
                Arguments.of("permit(principal = User::\"a\", action, resource);", "`=` is not a valid operator in Cedar"),
                Arguments.of("permit(principal, action != Action::\"a\", resource);", "invalid operator in the action scope: `!=`"),
                Arguments.of("permit(principal, action is Action, resource);", "`is` cannot appear in the action scope"),
                Arguments.of("permit(principal, action in Action::\"a\" is Action, resource);", "`is` cannot appear in the action scope"),
                Arguments.of("permit(principal is User == User::\"a\", action, resource);", "`is` cannot be used together with `==`"),
                Arguments.of("permit(principal in Group::\"g\" is User, action, resource);", "when `is` and `in` are used together, `is` must come first"),
                Arguments.of("permit(principal is \"User\", action, resource);", "right hand side of an `is` expression must be an entity type name"),
                Arguments.of("permit(principal is User in [User::\"a\"], action, resource);", "expected single entity uid or template slot, found set of entity uids"),
                Arguments.of("permit(principal, action == User::\"x\", resource);", "expected an entity uid with type `Action` but got `User::\"x\"`"),
                Arguments.of("permit(principal, action in [Action::\"a\", A::\"b\", B::\"c\"], resource);", "expected entity uids with type `Action` but got `A::\"b\"` and `B::\"c\"`"),
                Arguments.of("permit(principal, action == Action, resource);", "expected an entity uid, found name `Action`"),
                Arguments.of("permit(principal == User, action, resource);", "expected an entity uid or matching template slot, found name `User`"),
                Arguments.of("permit(principal == \"alice\", action, resource);", "found literal `\"alice\"`"),
                Arguments.of("permit(principal == 1, action, resource);", "found literal `1`"),
                Arguments.of("permit(principal == User::\"a\" || true, action, resource);", "found a `||` expression"),
                Arguments.of("permit(principal == User::\"a\" && true, action, resource);", "found a `&&` expression"),
                Arguments.of("permit(principal == User::\"a\".b, action, resource);", "found a `.` expression"),
                Arguments.of("permit(principal == !User::\"a\", action, resource);", "found a `!` expression"),
                Arguments.of("permit(principal == User::\"a\" + 1, action, resource);", "found a `+/-` expression"),
                Arguments.of("permit(principal == User::\"a\" * 1, action, resource);", "found a `*` expression"),
                Arguments.of("permit(principal in (User::\"a\" == principal), action, resource);", "found a binary operator"),
                Arguments.of("permit(principal == if true then User::\"a\" else User::\"b\", action, resource);", "found an `if` expression"),
                Arguments.of("permit(principal == {a: 1}, action, resource);", "found record initializer"),
                Arguments.of("permit(principal == User::\"a\" has b, action, resource);", "found a `has` expression"),
                Arguments.of("permit(principal == principal like \"a\", action, resource);", "found a `like` expression"),
                Arguments.of("permit(principal is ?principal, action, resource);", "right hand side of an `is` expression must be an entity type name, but got `?principal`"),
                Arguments.of("permit(principal == ?resource, action, resource);", "expected an entity uid or matching template slot, found ?resource instead of ?principal"),
                Arguments.of("permit(principal, action, resource in ?principal);", "found ?principal instead of ?resource"),
                Arguments.of("permit(principal == ?foo, action, resource);", "found ?foo instead of ?principal"),
                Arguments.of("permit(principal, action == ?principal, resource);", "expected single entity uid, found template slot"),
                Arguments.of("permit(principal, action in ?resource, resource);", "expected single entity uid or set of entity uids, found template slot"),
                Arguments.of("permit(principal, action in [[Action::\"a\"]], resource);", "expected single entity uid, found set of entity uids"),
                Arguments.of("permit(principal, action == [Action::\"a\"], resource);", "expected single entity uid, found set of entity uids"),
                Arguments.of("@id(\"a\") @id(\"b\") permit(principal, action, resource);", "duplicate annotation: `@id`"),
                Arguments.of("@id(\"\\q\") permit(principal, action, resource);", "the input `\\q` is not a valid escape"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policyErrors")
    void reportsPolicyErrors(String text, String message) {
        ParseException e = policyError(text);

        assertThat(e.errors()).extracting(ParseError::message).anySatisfy(m -> assertThat(m).contains(message));
    }

    static Stream<Arguments> syntaxErrors() {
        return Stream.of(
                Arguments.of("permit(principal, action, resource)", "unexpected end of input"),
                Arguments.of("permit(principal, action, resource) when { principal.foo( };", "unexpected token `}`"),
                Arguments.of("permit(principal action, resource);", "unexpected token `action`"),
                Arguments.of("permit(principal, action, resource) when { 1 + };", "unexpected token `}`"),
                Arguments.of("permit(principal, action, resource) when { 'a' };", "invalid token"),
                Arguments.of("permit(principal, action, resource) when { \"abc };", "invalid token"),
                Arguments.of("permit(principal, action, resource) when { principal $ 1 };", "invalid token"),
                Arguments.of("permit(principal, action, resource) when { principal | 1 };", "invalid token"),
                Arguments.of("permit(principal, action, resource) when { 1 + if true then 1 else 2 };", "unexpected token"),
                Arguments.of("permit(principal, action, resource) when { !-1 };", "unexpected token `-`"),
                Arguments.of("permit(principal, action, resource) when { principal has a == 1 };", "unexpected token `==`"),
                Arguments.of("permit(principal, action, resource) when { true::\"a\" };", "unexpected token `\"a\"`"),
                Arguments.of("permit(principal, action, resource) when { [,] };", "unexpected token `,`"),
                Arguments.of("permit(principal, action, resource) when { \"a\\\nb\" };", "invalid token"),
                Arguments.of("permit(,);", "unexpected token `,`"),
                Arguments.of("@id(principal) permit(principal, action, resource);", "unexpected token `principal`"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("syntaxErrors")
    void reportsSyntaxErrors(String text, String message) {
        ParseException e = policyError(text);

        assertThat(e.errors()).extracting(ParseError::message).anySatisfy(m -> assertThat(m).contains(message));
    }

    @Test
    void syntaxErrorsSayWhatWasExpected() {
        ParseException e = policyError("permit(principal action, resource);");

        assertThat(e.errors()).hasSize(1);
        assertThat(e.errors().get(0).help()).isEqualTo("expected `)` or `,`");
        assertThat(e.errors().get(0).span().start()).isEqualTo("permit(principal ".length());
    }

    @Test
    void reportsASyntaxErrorInEachBrokenPolicy() {
        ParseException e = policyError("permit(principal, action, resource) when { principal.foo( };\n"
                + "permit(principal, action, resource);\n"
                + "forbid(principal action, resource);\n"
                + "permit(principal, action, resource) when { 1 + };");

        assertThat(e.errors()).extracting(ParseError::message).containsExactly(
                "unexpected token `}`", "unexpected token `action`", "unexpected token `}`");
    }

    @Test
    void aSyntaxErrorAnywhereHidesTheOtherErrorsAndRecoveryResumesAfterAnySemicolon() {
        ParseException e = policyError("allow(principal, action, resource);\n"
                + "permit(principal, action, resource) when { ( ; ) };\n"
                + "permit(principal, action, resource);\n"
                + "permit(principal, action, resource) when { 1 + };");

        assertThat(e.errors()).extracting(ParseError::message).containsExactly(
                "unexpected token `;`", "unexpected token `)`", "unexpected token `}`");
    }

    @Test
    void collectsEveryErrorOfEveryPolicy() {
        ParseException e = policyError("allow(principal, action == User::\"x\", resource) when { foo } unless { 1 / 2 };\n"
                + "permit(principal, action, resource) when { principal.contains() };");

        assertThat(e.errors()).extracting(ParseError::message).containsExactly(
                "invalid policy effect: `allow`",
                "expected an entity uid with type `Action` but got `User::\"x\"`",
                "invalid variable: `foo`",
                "division is not supported",
                "call to `contains` requires exactly 1 argument, but got 0 arguments");
    }

    @Test
    void reportsEveryBadEscapeInAString() {
        ParseException e = conditionError("\"\\q\\u{110000}\" == \"\"");

        assertThat(e.errors()).extracting(ParseError::message).containsExactly(
                "the input `\\q` is not a valid escape", "the input `\\u{110000}` is not a valid escape");
        String text = String.format(SCOPE, "\"\\q\\u{110000}\" == \"\"");
        assertThat(text.substring(e.errors().get(1).span().start(), e.errors().get(1).span().end())).isEqualTo("\\u{110000}");
    }

    @Test
    void suggestsTheClosestExtensionName() {
        assertThat(conditionError("ipp(\"1.1.1.1\")").errors().get(0).help()).isEqualTo("did you mean `ip`?");
        assertThat(conditionError("context.d.lesThan(context.e)").errors().get(0).help()).isEqualTo("did you mean `lessThan`?");
        assertThat(conditionError("context.d.somethingElse()").errors().get(0).help()).isNull();
    }

    @Test
    void expressionsMayNotContainSlots() {
        ParseException e = error(() -> PolicyParser.parseExpression("?principal == principal"));

        assertThat(e.errors().get(0).message()).isEqualTo("found template slot `?principal` in an expression");
    }

    @Test
    void messagesFollowTheStyleGuide() {
        List<String> inputs = List.of("allow(principal, action, resource);", "permit(principal, action);",
                String.format(SCOPE, "foo"), String.format(SCOPE, "1 == 2 == 3"), "permit(principal action, resource);");
        for (String input : inputs) {
            for (ParseError err : policyError(input).errors()) {
                assertThat(err.message()).as(input).doesNotEndWith(".").doesNotContain("Exception")
                        .matches(m -> Character.isLowerCase(m.charAt(0)) || m.charAt(0) == '`', "starts in lower case");
            }
        }
    }

    // ---------------------------------------------------------------- depth

    static Stream<Arguments> deepInputs() {
        int n = 100_000;
        // chains are refused after parsing, which takes time: fewer, but still far beyond the limit
        int m = 20_000;
        String deep = "nested too deeply";
        return Stream.of(
                Arguments.of("parentheses", "(".repeat(n) + "1" + ")".repeat(n), deep),
                Arguments.of("unclosed parentheses", "(".repeat(n), deep),
                Arguments.of("negations", "!".repeat(n) + "true", "too many occurrences of `!`"),
                Arguments.of("negations in parentheses", "!(".repeat(n) + "true" + ")".repeat(n), deep),
                Arguments.of("sets", "[".repeat(n) + "]".repeat(n), deep),
                Arguments.of("records", "{a: ".repeat(n) + "1" + "}".repeat(n), deep),
                Arguments.of("calls", "ip(".repeat(n) + ")".repeat(n), deep),
                Arguments.of("ifs in conditions", "if ".repeat(m) + "true" + " then 1 else 2".repeat(m), deep),
                Arguments.of("ifs in branches", "if true then ".repeat(m) + "1" + " else 2".repeat(m), deep),
                Arguments.of("else-if chains", "if true then 1 else ".repeat(m) + "2", deep),
                Arguments.of("additions", "1" + " + 1".repeat(m), deep),
                Arguments.of("conjunctions", "true" + " && true".repeat(m), deep),
                Arguments.of("attribute chains", "context" + ".a".repeat(m), deep),
                Arguments.of("method chains", "context" + ".contains(1)".repeat(m), deep));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deepInputs")
    void refusesDeeplyNestedInputCleanly(String name, String condition, String message) {
        ParseException e = conditionError(condition);

        assertThat(e.errors()).extracting(ParseError::message).anySatisfy(m -> assertThat(m).contains(message));
        assertThat(e.getMessage().length()).isLessThan(2_000);
    }

    @Test
    void refusesDeeplyNestedInputInEveryEntryPoint() {
        String deep = "(".repeat(100_000) + "1" + ")".repeat(100_000);

        assertThat(error(() -> PolicyParser.parseExpression(deep)).getMessage()).contains("nested too deeply");
        assertThat(error(() -> PolicyParser.parsePolicy(PolicyId.of("p"), String.format(SCOPE, deep))).getMessage())
                .contains("nested too deeply");
        assertThat(error(() -> PolicyParser.parseEntityUid(deep)).getMessage()).contains("nested too deeply");
    }

    @Test
    void acceptsNestingUpToTheLimits() {
        int brackets = Syntax.MAX_BRACKET_NESTING;
        assertThat(PolicyParser.parseExpression("(".repeat(brackets) + "1" + ")".repeat(brackets))).isNotNull();
        assertThat(PolicyParser.parseExpression("[".repeat(brackets - 1) + "1" + "]".repeat(brackets - 1))).isNotNull();
        int chain = Expr.MAX_DEPTH - 1;
        assertThat(PolicyParser.parseExpression("1" + " + 1".repeat(chain - 1))).isNotNull();
        assertThat(PolicyParser.parseExpression("if true then 1 else ".repeat(chain - 1) + "2")).isNotNull();
    }
}
