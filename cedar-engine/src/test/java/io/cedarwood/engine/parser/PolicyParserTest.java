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
import io.cedarwood.engine.ast.UnaryOp;
import io.cedarwood.engine.ast.Variable;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.StringValue;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every construct of the language parses to the AST the reference builds. */
class PolicyParserTest {

    // ---------------------------------------------------------------- helpers

    static Expr expr(String text) {
        return PolicyParser.parseExpression(text);
    }

    static Policy policy(String text) {
        return PolicyParser.parsePolicy(PolicyId.of("p"), text);
    }

    static Expr when(String condition) {
        return policy("permit(principal, action, resource) when { " + condition + " };").conditions().get(0).body();
    }

    static Expr.Var principal() {
        return new Expr.Var(Variable.PRINCIPAL);
    }

    static Expr.Var resource() {
        return new Expr.Var(Variable.RESOURCE);
    }

    static Expr.Var context() {
        return new Expr.Var(Variable.CONTEXT);
    }

    static Expr.Literal lit(long n) {
        return new Expr.Literal(LongValue.of(n));
    }

    static Expr.Literal lit(boolean b) {
        return new Expr.Literal(BoolValue.of(b));
    }

    static Expr.Literal str(String s) {
        return new Expr.Literal(StringValue.of(s));
    }

    static EntityUid uid(String type, String id) {
        return EntityUid.of(type, id);
    }

    static Expr.Literal entity(String type, String id) {
        return new Expr.Literal(uid(type, id));
    }

    static Expr bin(BinaryOp op, Expr l, Expr r) {
        return new Expr.Binary(op, l, r);
    }

    static Expr get(Expr e, String attr) {
        return new Expr.GetAttr(e, attr);
    }

    static Expr has(Expr e, String attr) {
        return new Expr.HasAttr(e, attr);
    }

    static Expr not(Expr e) {
        return new Expr.Unary(UnaryOp.NOT, e);
    }

    static Expr neg(Expr e) {
        return new Expr.Unary(UnaryOp.NEG, e);
    }

    static Expr and(Expr l, Expr r) {
        return new Expr.And(l, r);
    }

    static Expr or(Expr l, Expr r) {
        return new Expr.Or(l, r);
    }

    // ---------------------------------------------------------------- policies and scope

    @Test
    void parsesAnUnconstrainedPolicy() {
        Policy p = policy("permit(principal, action, resource);");

        assertThat(p.id()).isEqualTo(PolicyId.of("p"));
        assertThat(p.effect()).isEqualTo(Effect.PERMIT);
        assertThat(p.principal()).isEqualTo(new ScopeConstraint.Any());
        assertThat(p.action()).isEqualTo(new ActionConstraint.Any());
        assertThat(p.resource()).isEqualTo(new ScopeConstraint.Any());
        assertThat(p.conditions()).isEmpty();
        assertThat(p.annotations()).isEmpty();
        assertThat(p.isTemplate()).isFalse();
    }

    @Test
    void parsesForbid() {
        assertThat(policy("forbid(principal, action, resource);").effect()).isEqualTo(Effect.FORBID);
    }

    @Test
    void parsesEveryPrincipalAndResourceScopeForm() {
        EntityReference alice = new EntityReference.Uid(uid("User", "alice"));
        EntityReference group = new EntityReference.Uid(uid("Ns::Group", "g"));

        assertThat(policy("permit(principal == User::\"alice\", action, resource);").principal())
                .isEqualTo(new ScopeConstraint.Eq(alice));
        assertThat(policy("permit(principal in Ns::Group::\"g\", action, resource);").principal())
                .isEqualTo(new ScopeConstraint.In(group));
        assertThat(policy("permit(principal is User, action, resource);").principal())
                .isEqualTo(new ScopeConstraint.Is(EntityType.of("User")));
        assertThat(policy("permit(principal is Ns::User in Ns::Group::\"g\", action, resource);").principal())
                .isEqualTo(new ScopeConstraint.IsIn(EntityType.of("Ns::User"), group));
        assertThat(policy("permit(principal, action, resource == User::\"alice\");").resource())
                .isEqualTo(new ScopeConstraint.Eq(alice));
        assertThat(policy("permit(principal, action, resource is Photo in Ns::Group::\"g\");").resource())
                .isEqualTo(new ScopeConstraint.IsIn(EntityType.of("Photo"), group));
    }

    @Test
    void acceptsParenthesesAroundScopeEntities() {
        assertThat(policy("permit(principal == (User::\"a\"), action in [(Action::\"x\")], resource);").principal())
                .isEqualTo(new ScopeConstraint.Eq(new EntityReference.Uid(uid("User", "a"))));
    }

    @Test
    void parsesEveryActionScopeForm() {
        assertThat(policy("permit(principal, action == Action::\"view\", resource);").action())
                .isEqualTo(new ActionConstraint.Eq(uid("Action", "view")));
        assertThat(policy("permit(principal, action in Ns::Action::\"read\", resource);").action())
                .isEqualTo(new ActionConstraint.In(List.of(uid("Ns::Action", "read"))));
        assertThat(policy("permit(principal, action in [Action::\"a\", Action::\"b\",], resource);").action())
                .isEqualTo(new ActionConstraint.In(List.of(uid("Action", "a"), uid("Action", "b"))));
        assertThat(policy("permit(principal, action in [], resource);").action())
                .isEqualTo(new ActionConstraint.In(List.of()));
    }

    @Test
    void keepsDuplicateActionsAsWritten() {
        assertThat(policy("permit(principal, action in [Action::\"a\", Action::\"a\"], resource);").action())
                .isEqualTo(new ActionConstraint.In(List.of(uid("Action", "a"), uid("Action", "a"))));
    }

    @Test
    void parsesTemplatesWithSlotsInTheirOwnPositions() {
        Policy t = policy("permit(principal == ?principal, action, resource is Photo in ?resource);");

        assertThat(t.principal()).isEqualTo(new ScopeConstraint.Eq(new EntityReference.Slot(SlotId.PRINCIPAL)));
        assertThat(t.resource()).isEqualTo(new ScopeConstraint.IsIn(EntityType.of("Photo"),
                new EntityReference.Slot(SlotId.RESOURCE)));
        assertThat(t.isTemplate()).isTrue();
        assertThat(t.slots()).containsExactlyInAnyOrder(SlotId.PRINCIPAL, SlotId.RESOURCE);
        assertThat(policy("permit(principal in ?principal, action, resource);").principal())
                .isEqualTo(new ScopeConstraint.In(new EntityReference.Slot(SlotId.PRINCIPAL)));
    }

    @Test
    void acceptsATrailingCommaAfterTheScope() {
        assertThat(policy("permit(principal, action, resource,);").resource()).isEqualTo(new ScopeConstraint.Any());
    }

    @Test
    void parsesAnnotationsWithAndWithoutValues() {
        Policy p = policy("@id(\"p1\") @advice @if(\"reserved words are fine\") @esc(\"a\\\"b\\n\")\n"
                + "permit(principal, action, resource);");

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("id", "p1");
        expected.put("advice", "");
        expected.put("if", "reserved words are fine");
        expected.put("esc", "a\"b\n");
        assertThat(p.annotations()).containsExactlyEntriesOf(expected);
    }

    @Test
    void parsesAnyNumberOfConditionsInOrder() {
        Policy p = policy("permit(principal, action, resource) when { true } unless { false } when { 1 == 1 };");

        assertThat(p.conditions()).containsExactly(
                new Condition(Condition.Kind.WHEN, lit(true)),
                new Condition(Condition.Kind.UNLESS, lit(false)),
                new Condition(Condition.Kind.WHEN, bin(BinaryOp.EQ, lit(1), lit(1))));
    }

    @Test
    void givesPoliciesAndTemplatesIdsInSourceOrder() {
        PolicySet set = PolicySet.parse(
                "permit(principal, action, resource);\n"
                        + "permit(principal == ?principal, action, resource);\n"
                        + "forbid(principal, action, resource);");

        assertThat(set.policies()).extracting(Policy::id).containsExactly(PolicyId.of("policy0"), PolicyId.of("policy2"));
        assertThat(set.templates()).extracting(Policy::id).containsExactly(PolicyId.of("policy1"));
        assertThat(set.policy(PolicyId.of("policy2")).effect()).isEqualTo(Effect.FORBID);
    }

    @Test
    void parsesEmptyAndCommentOnlyPolicySets() {
        assertThat(PolicySet.parse("").isEmpty()).isTrue();
        assertThat(PolicySet.parse("  // nothing here\n// at all").isEmpty()).isTrue();
    }

    @Test
    void skipsCommentsAndUnicodeWhiteSpace() {
        Policy p = policy("// a policy\npermit( // the scope\n principal,\u00a0action,\u2003resource\r\n)\t// done\n;");

        assertThat(p.effect()).isEqualTo(Effect.PERMIT);
    }

    @Test
    void keywordsMayBeUsedWhereTheReferenceAllowsIdentifiers() {
        assertThat(when("principal.permit")).isEqualTo(get(principal(), "permit"));
        assertThat(when("principal has when")).isEqualTo(has(principal(), "when"));
        assertThat(when("principal has principal")).isEqualTo(has(principal(), "principal"));
        assertThat(when("{principal: 1, action: 2, forbid: 3}")).isEqualTo(new Expr.RecordLit(
                Map.of("principal", lit(1), "action", lit(2), "forbid", lit(3))));
        assertThat(when("principal is principal")).isEqualTo(new Expr.Is(principal(), EntityType.of("principal")));
        assertThat(when("principal::\"x\" == action::\"y\"")).isEqualTo(
                bin(BinaryOp.EQ, entity("principal", "x"), entity("action", "y")));
    }

    // ---------------------------------------------------------------- operators

    @Test
    void orAndAndAreLeftAssociativeAndAndBindsTighter() {
        Expr a = entity("A", "a");
        assertThat(expr("true || false && true")).isEqualTo(or(lit(true), and(lit(false), lit(true))));
        assertThat(expr("true && false && true")).isEqualTo(and(and(lit(true), lit(false)), lit(true)));
        assertThat(expr("true || false || true")).isEqualTo(or(or(lit(true), lit(false)), lit(true)));
        assertThat(expr("(true || false) && A::\"a\"")).isEqualTo(and(or(lit(true), lit(false)), a));
    }

    @Test
    void parsesEveryRelationalOperator() {
        assertThat(expr("1 == 2")).isEqualTo(bin(BinaryOp.EQ, lit(1), lit(2)));
        assertThat(expr("1 != 2")).isEqualTo(bin(BinaryOp.NOT_EQ, lit(1), lit(2)));
        assertThat(expr("1 < 2")).isEqualTo(bin(BinaryOp.LESS, lit(1), lit(2)));
        assertThat(expr("1 <= 2")).isEqualTo(bin(BinaryOp.LESS_EQ, lit(1), lit(2)));
        assertThat(expr("1 > 2")).isEqualTo(bin(BinaryOp.GREATER, lit(1), lit(2)));
        assertThat(expr("1 >= 2")).isEqualTo(bin(BinaryOp.GREATER_EQ, lit(1), lit(2)));
        assertThat(expr("principal in resource")).isEqualTo(bin(BinaryOp.IN, principal(), resource()));
    }

    @Test
    void arithmeticIsLeftAssociativeAndMultiplicationBindsTighter() {
        assertThat(expr("1 + 2 * 3")).isEqualTo(bin(BinaryOp.ADD, lit(1), bin(BinaryOp.MUL, lit(2), lit(3))));
        assertThat(expr("1 - 2 - 3")).isEqualTo(bin(BinaryOp.SUB, bin(BinaryOp.SUB, lit(1), lit(2)), lit(3)));
        assertThat(expr("2 * 3 * 4")).isEqualTo(bin(BinaryOp.MUL, bin(BinaryOp.MUL, lit(2), lit(3)), lit(4)));
        assertThat(expr("1 + 2 < 3 * 4")).isEqualTo(bin(BinaryOp.LESS,
                bin(BinaryOp.ADD, lit(1), lit(2)), bin(BinaryOp.MUL, lit(3), lit(4))));
    }

    @Test
    void unaryOperatorsBindTighterThanBinaryOnes() {
        assertThat(expr("!true == false")).isEqualTo(bin(BinaryOp.EQ, not(lit(true)), lit(false)));
        assertThat(expr("-context.x * 2")).isEqualTo(bin(BinaryOp.MUL, neg(get(context(), "x")), lit(2)));
        assertThat(expr("!!!!true")).isEqualTo(not(not(not(not(lit(true))))));
        assertThat(expr("!context.a.b")).isEqualTo(not(get(get(context(), "a"), "b")));
    }

    @Test
    void foldsTheLastMinusIntoANumberLikeTheReference() {
        assertThat(expr("-5")).isEqualTo(lit(-5));
        assertThat(expr("- 5")).isEqualTo(lit(-5));
        assertThat(expr("--5")).isEqualTo(neg(lit(-5)));
        assertThat(expr("----5")).isEqualTo(neg(neg(neg(lit(-5)))));
        assertThat(expr("-(5)")).isEqualTo(neg(lit(5)));
        assertThat(expr("1 - -5")).isEqualTo(bin(BinaryOp.SUB, lit(1), lit(-5)));
        assertThat(expr("1--5")).isEqualTo(bin(BinaryOp.SUB, lit(1), lit(-5)));
        assertThat(expr("-5.foo")).isEqualTo(neg(get(lit(5), "foo")));
    }

    @Test
    void acceptsTheExtremeLongLiterals() {
        assertThat(expr("9223372036854775807")).isEqualTo(lit(Long.MAX_VALUE));
        assertThat(expr("-9223372036854775808")).isEqualTo(lit(Long.MIN_VALUE));
        assertThat(expr("--9223372036854775808")).isEqualTo(neg(lit(Long.MIN_VALUE)));
        assertThat(expr("0")).isEqualTo(lit(0));
        assertThat(expr("007")).isEqualTo(lit(7));
    }

    @Test
    void parsesHasWithIdentifiersAndStrings() {
        assertThat(expr("principal has name")).isEqualTo(has(principal(), "name"));
        assertThat(expr("principal has \"first name\"")).isEqualTo(has(principal(), "first name"));
        assertThat(expr("principal has \"a.b\"")).isEqualTo(has(principal(), "a.b"));
    }

    @Test
    void desugarsExtendedHasAsTheReferenceDoes() {
        Expr p = principal();
        assertThat(expr("principal has a.b")).isEqualTo(and(has(p, "a"), has(get(p, "a"), "b")));
        assertThat(expr("principal has a.b.c")).isEqualTo(and(
                and(has(p, "a"), has(get(p, "a"), "b")),
                has(get(get(p, "a"), "b"), "c")));
        assertThat(expr("context.x has y.z")).isEqualTo(and(
                has(get(context(), "x"), "y"), has(get(get(context(), "x"), "y"), "z")));
    }

    @Test
    void parsesLikePatternsWithWildcardsAndEscapedStars() {
        assertThat(expr("context.s like \"a*b\\*c*\"")).isEqualTo(new Expr.Like(get(context(), "s"), new Pattern(List.of(
                new Pattern.Text("a"), new Pattern.Wildcard(), new Pattern.Text("b*c"), new Pattern.Wildcard()))));
        assertThat(expr("\"\" like \"\"")).isEqualTo(new Expr.Like(str(""), new Pattern(List.of())));
    }

    @Test
    void parsesIsAndIsIn() {
        assertThat(expr("principal is Ns::User")).isEqualTo(new Expr.Is(principal(), EntityType.of("Ns::User")));
        assertThat(expr("principal is User in Group::\"g\"")).isEqualTo(and(
                new Expr.Is(principal(), EntityType.of("User")), bin(BinaryOp.IN, principal(), entity("Group", "g"))));
    }

    // ---------------------------------------------------------------- members, calls, literals

    @Test
    void parsesAttributeAccessBothWays() {
        assertThat(expr("principal.name")).isEqualTo(get(principal(), "name"));
        assertThat(expr("principal[\"first name\"]")).isEqualTo(get(principal(), "first name"));
        assertThat(expr("context.a[\"b\"].c")).isEqualTo(get(get(get(context(), "a"), "b"), "c"));
        assertThat(expr("(context).a")).isEqualTo(get(context(), "a"));
        assertThat(expr("{a: 1}.a")).isEqualTo(get(new Expr.RecordLit(Map.of("a", lit(1))), "a"));
        assertThat(expr("\"abc\".a")).isEqualTo(get(str("abc"), "a"));
    }

    @Test
    void parsesEveryBuiltInMethod() {
        Expr s = get(context(), "s");
        assertThat(expr("context.s.contains(1)")).isEqualTo(bin(BinaryOp.CONTAINS, s, lit(1)));
        assertThat(expr("context.s.containsAll([1])")).isEqualTo(bin(BinaryOp.CONTAINS_ALL, s,
                new Expr.SetLit(List.of(lit(1)))));
        assertThat(expr("context.s.containsAny([])")).isEqualTo(bin(BinaryOp.CONTAINS_ANY, s,
                new Expr.SetLit(List.of())));
        assertThat(expr("context.s.isEmpty()")).isEqualTo(new Expr.Unary(UnaryOp.IS_EMPTY, s));
        assertThat(expr("principal.getTag(\"t\")")).isEqualTo(bin(BinaryOp.GET_TAG, principal(), str("t")));
        assertThat(expr("principal.hasTag(\"t\")")).isEqualTo(bin(BinaryOp.HAS_TAG, principal(), str("t")));
        assertThat(expr("[1, 2].contains(2)")).isEqualTo(bin(BinaryOp.CONTAINS,
                new Expr.SetLit(List.of(lit(1), lit(2))), lit(2)));
        assertThat(expr("principal.contains(1).contains(2)")).isEqualTo(bin(BinaryOp.CONTAINS,
                bin(BinaryOp.CONTAINS, principal(), lit(1)), lit(2)));
    }

    @Test
    void parsesExtensionFunctionsAndMethods() {
        Expr ip = new Expr.ExtensionCall("ip", List.of(str("10.0.0.1")));
        assertThat(expr("ip(\"10.0.0.1\")")).isEqualTo(ip);
        assertThat(expr("ip(\"10.0.0.1\").isLoopback()")).isEqualTo(new Expr.ExtensionCall("isLoopback", List.of(ip)));
        assertThat(expr("ip(\"10.0.0.1\").isInRange(ip(\"10.0.0.0/8\"))")).isEqualTo(new Expr.ExtensionCall(
                "isInRange", List.of(ip, new Expr.ExtensionCall("ip", List.of(str("10.0.0.0/8"))))));
        assertThat(expr("context.d.lessThan(decimal(\"1.5\"))")).isEqualTo(new Expr.ExtensionCall("lessThan",
                List.of(get(context(), "d"), new Expr.ExtensionCall("decimal", List.of(str("1.5"))))));
        assertThat(expr("datetime(\"2024-01-01\").offset(duration(\"1h\")).toDate()")).isEqualTo(
                new Expr.ExtensionCall("toDate", List.of(new Expr.ExtensionCall("offset", List.of(
                        new Expr.ExtensionCall("datetime", List.of(str("2024-01-01"))),
                        new Expr.ExtensionCall("duration", List.of(str("1h"))))))));
        assertThat(expr("ip(\"1.2.3.4\",)")).isEqualTo(new Expr.ExtensionCall("ip", List.of(str("1.2.3.4"))));
    }

    @Test
    void leavesTheArityOfExtensionFunctionsToTheEvaluatorLikeTheReference() {
        assertThat(expr("ip()")).isEqualTo(new Expr.ExtensionCall("ip", List.of()));
        assertThat(expr("principal.isIpv4(1)")).isEqualTo(new Expr.ExtensionCall("isIpv4", List.of(principal(), lit(1))));
    }

    @Test
    void parsesIfThenElse() {
        assertThat(expr("if true then 1 else 2")).isEqualTo(new Expr.If(lit(true), lit(1), lit(2)));
        assertThat(expr("if true then 1 else if false then 2 else 3")).isEqualTo(
                new Expr.If(lit(true), lit(1), new Expr.If(lit(false), lit(2), lit(3))));
        assertThat(expr("if true then 1 else 2 || false")).isEqualTo(
                new Expr.If(lit(true), lit(1), or(lit(2), lit(false))));
        assertThat(expr("(if true then 1 else 2) + 3")).isEqualTo(
                bin(BinaryOp.ADD, new Expr.If(lit(true), lit(1), lit(2)), lit(3)));
    }

    @Test
    void parsesSetAndRecordLiterals() {
        assertThat(expr("[]")).isEqualTo(new Expr.SetLit(List.of()));
        assertThat(expr("[1, \"a\", [true],]")).isEqualTo(new Expr.SetLit(List.of(lit(1), str("a"),
                new Expr.SetLit(List.of(lit(true))))));
        assertThat(expr("{}")).isEqualTo(new Expr.RecordLit(Map.of()));
        Map<String, Expr> fields = new LinkedHashMap<>();
        fields.put("a", lit(1));
        fields.put("b c", lit(2));
        fields.put("if", lit(3));
        assertThat(expr("{a: 1, \"b c\": 2, \"if\": 3,}")).isEqualTo(new Expr.RecordLit(fields));
        assertThat(((Expr.RecordLit) expr("{z: 1, a: 2}")).fields().keySet()).containsExactly("z", "a");
    }

    @Test
    void parsesEntityLiteralsWithNamespaces() {
        assertThat(expr("A::B::C::\"id\"")).isEqualTo(entity("A::B::C", "id"));
        assertThat(expr("User :: \"a\\\"b\"")).isEqualTo(entity("User", "a\"b"));
        assertThat(expr("User::\"\"")).isEqualTo(entity("User", ""));
    }

    @Test
    void parsesStringEscapesAsCodePoints() {
        String emoji = Character.toString(0x1F600);
        assertThat(expr("\"tab\\there\\u{1F600}" + emoji + "\\0\"")).isEqualTo(str("tab\there" + emoji + emoji + "\0"));
        assertThat(expr("\"multi\nline\"")).isEqualTo(str("multi\nline"));
    }

    @Test
    void variablesAreTheFourRequestVariables() {
        assertThat(expr("[principal, action, resource, context]")).isEqualTo(new Expr.SetLit(List.of(principal(),
                new Expr.Var(Variable.ACTION), resource(), context())));
    }

    // ---------------------------------------------------------------- other entry points

    @Test
    void parsesEntityUidsForCommandLinesAndJson() {
        assertThat(PolicyParser.parseEntityUid("Ns::User::\"alice\"")).isEqualTo(uid("Ns::User", "alice"));
        assertThat(PolicyParser.parseEntityUid(" User :: \"a\\nb\" ")).isEqualTo(uid("User", "a\nb"));
        assertThatThrownBy(() -> PolicyParser.parseEntityUid("User")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> PolicyParser.parseEntityUid("if::\"a\"")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> PolicyParser.parseEntityUid("A::if::\"a\"")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> PolicyParser.parseEntityUid("__cedar::\"a\"")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> PolicyParser.parseEntityUid("User::\"a\" + 1")).isInstanceOf(ParseException.class);
    }

    @Test
    void parsesEntityTypeNames() {
        assertThat(PolicyParser.parseEntityType("Ns::User")).isEqualTo(EntityType.of("Ns::User"));
        assertThat(PolicyParser.parseEntityType("principal")).isEqualTo(EntityType.of("principal"));
        for (String bad : List.of("", "in", "A::then", "__cedar::A", "A::__cedar", "A::", "1A", "A B", "A::\"b\"")) {
            assertThatThrownBy(() -> PolicyParser.parseEntityType(bad)).as(bad).isInstanceOf(ParseException.class);
        }
    }

    @Test
    void parsePolicyAcceptsExactlyOnePolicy() {
        assertThatThrownBy(() -> policy("")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> policy("permit(principal, action, resource); permit(principal, action, resource);"))
                .isInstanceOf(ParseException.class);
    }

    // ---------------------------------------------------------------- source spans

    @Test
    void recordsWhereEachExpressionAndScopeNodeCameFrom() {
        String text = "permit(principal == User::\"a\", action, resource)\nwhen { principal.age >= 18 && context.ok };";
        Policy p = policy(text);
        Expr.And body = (Expr.And) p.conditions().get(0).body();
        Expr.Binary age = (Expr.Binary) body.left();

        assertThat(slice(text, p.sourceSpans().spanOf(body))).isEqualTo("principal.age >= 18 && context.ok");
        assertThat(slice(text, p.sourceSpans().spanOf(age))).isEqualTo("principal.age >= 18");
        assertThat(slice(text, p.sourceSpans().spanOf(age.left()))).isEqualTo("principal.age");
        assertThat(slice(text, p.sourceSpans().spanOf(((Expr.GetAttr) age.left()).target()))).isEqualTo("principal");
        assertThat(slice(text, p.sourceSpans().spanOf(age.right()))).isEqualTo("18");
        assertThat(slice(text, p.sourceSpans().spanOf(p.principal()))).isEqualTo("principal == User::\"a\"");
        assertThat(slice(text, p.sourceSpans().spanOf(p.action()))).isEqualTo("action");
        assertThat(slice(text, p.sourceSpans().spanOf(p.conditions().get(0))))
                .isEqualTo("when { principal.age >= 18 && context.ok }");
    }

    @Test
    void spansAreCharOffsetsEvenAfterCharactersOutsideTheBasicPlane() {
        String text = "permit(principal, action, resource) when { \"" + Character.toString(0x1F600) + "\" == context.x };";
        Policy p = policy(text);
        Expr.Binary eq = (Expr.Binary) p.conditions().get(0).body();

        assertThat(slice(text, p.sourceSpans().spanOf(eq.right()))).isEqualTo("context.x");
    }

    @Test
    void spansCoverNegativeLiteralsAndDesugaredForms() {
        String text = "permit(principal, action, resource) when { -5 < principal.n && principal has a.b };";
        Policy p = policy(text);
        Expr.And body = (Expr.And) p.conditions().get(0).body();

        assertThat(slice(text, p.sourceSpans().spanOf(((Expr.Binary) body.left()).left()))).isEqualTo("-5");
        assertThat(slice(text, p.sourceSpans().spanOf(body.right()))).isEqualTo("principal has a.b");
    }

    @Test
    void policiesInASetHaveSpansIntoTheWholeText() {
        String text = "permit(principal, action, resource);\nforbid(principal, action, resource) when { false };";
        Policy forbid = PolicySet.parse(text).policy(PolicyId.of("policy1"));

        assertThat(slice(text, forbid.sourceSpans().spanOf(forbid.conditions().get(0).body()))).isEqualTo("false");
    }

    @Test
    void everyNodeOfAParsedConditionHasASpan() {
        Policy p = policy("permit(principal, action, resource) when { if [1, {a: -2}].contains(3) then "
                + "ip(\"1.1.1.1\").isLoopback() else !(principal.x like \"*\") || principal is User in Group::\"g\" };");
        Set<Expr> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<Expr> todo = new java.util.ArrayDeque<>(List.of(p.conditions().get(0).body()));
        while (!todo.isEmpty()) {
            Expr e = todo.pop();
            if (seen.add(e)) {
                assertThat(p.sourceSpans().spanOf(e)).as(e.toString()).isNotNull();
                todo.addAll(e.children());
            }
        }
        assertThat(seen).hasSizeGreaterThan(15);
    }


    private static String slice(String text, SourceSpan span) {
        assertThat(span).isNotNull();
        return text.substring(span.start(), span.end());
    }
}
