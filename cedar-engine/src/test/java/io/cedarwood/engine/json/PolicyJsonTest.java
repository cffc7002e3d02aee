package io.cedarwood.engine.json;

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
import io.cedarwood.engine.ast.UnaryOp;
import io.cedarwood.engine.ast.Variable;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.Value;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.StringValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PolicyJsonTest {
    private static final PolicyId ID = PolicyId.of("p");
    private static final String ALL = "{\"op\": \"All\"}";

    // ------------------------------------------------------------ helpers

    private static Expr lit(long v) {
        return new Expr.Literal(LongValue.of(v));
    }

    private static Expr str(String s) {
        return new Expr.Literal(StringValue.of(s));
    }

    private static Expr bool(boolean b) {
        return new Expr.Literal(BoolValue.of(b));
    }

    private static Expr entity(String type, String id) {
        return new Expr.Literal(EntityUid.of(type, id));
    }

    private static Expr var(Variable v) {
        return new Expr.Var(v);
    }

    private static Expr attr(Expr target, String name) {
        return new Expr.GetAttr(target, name);
    }

    private static final String PRINCIPAL = "{\"Var\": \"principal\"}";
    private static final String CONTEXT = "{\"Var\": \"context\"}";

    private static String policyJson(String principal, String action, String resource, String conditions) {
        return "{\"effect\": \"permit\", \"principal\": " + principal + ", \"action\": " + action
                + ", \"resource\": " + resource + ", \"conditions\": " + conditions + "}";
    }

    private static String withBody(String body) {
        return policyJson(ALL, ALL, ALL, "[{\"kind\": \"when\", \"body\": " + body + "}]");
    }

    private static Expr readBody(String body) {
        return CedarJson.readPolicy(ID, withBody(body)).conditions().get(0).body();
    }

    private static Policy when(Expr body) {
        return Policy.builder(ID, Effect.PERMIT).conditions(List.of(new Condition(Condition.Kind.WHEN, body))).build();
    }

    private static Policy roundTrip(Policy p) {
        return CedarJson.readPolicy(p.id(), CedarJson.writePolicy(p));
    }

    private static JsonFormatException error(String json) {
        Throwable t = catchThrowable(() -> CedarJson.readPolicy(ID, json));
        assertThat(t).isInstanceOf(JsonFormatException.class);
        return (JsonFormatException) t;
    }

    // ------------------------------------------------------------ expressions, both ways

    static Stream<Arguments> expressions() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(arguments("{\"Value\": 7}", lit(7)));
        cases.add(arguments("{\"Value\": -9223372036854775808}", lit(Long.MIN_VALUE)));
        cases.add(arguments("{\"Value\": \"a\\\"b\"}", str("a\"b")));
        cases.add(arguments("{\"Value\": true}", bool(true)));
        cases.add(arguments("{\"Value\": {\"__entity\": {\"type\": \"Ns::User\", \"id\": \"alice\"}}}", entity("Ns::User", "alice")));
        for (Variable v : Variable.values()) {
            cases.add(arguments("{\"Var\": \"" + v.cedarName() + "\"}", var(v)));
        }
        cases.add(arguments("{\"!\": {\"arg\": {\"Value\": false}}}", new Expr.Unary(UnaryOp.NOT, bool(false))));
        cases.add(arguments("{\"neg\": {\"arg\": {\"Value\": 1}}}", new Expr.Unary(UnaryOp.NEG, lit(1))));
        cases.add(arguments("{\"isEmpty\": {\"arg\": {\"Set\": []}}}", new Expr.Unary(UnaryOp.IS_EMPTY, new Expr.SetLit(List.of()))));
        for (BinaryOp op : BinaryOp.values()) {
            cases.add(arguments("{\"" + op.symbol() + "\": {\"left\": " + PRINCIPAL + ", \"right\": {\"Value\": 2}}}",
                    new Expr.Binary(op, var(Variable.PRINCIPAL), lit(2))));
        }
        cases.add(arguments("{\"&&\": {\"left\": {\"Value\": true}, \"right\": {\"Value\": false}}}",
                new Expr.And(bool(true), bool(false))));
        cases.add(arguments("{\"||\": {\"right\": {\"Value\": false}, \"left\": {\"Value\": true}}}",
                new Expr.Or(bool(true), bool(false))));
        cases.add(arguments("{\".\": {\"left\": " + CONTEXT + ", \"attr\": \"tls version\"}}",
                attr(var(Variable.CONTEXT), "tls version")));
        cases.add(arguments("{\"has\": {\"left\": " + CONTEXT + ", \"attr\": \"a\"}}",
                new Expr.HasAttr(var(Variable.CONTEXT), "a")));
        cases.add(arguments("{\"like\": {\"left\": " + PRINCIPAL + ", \"pattern\": [\"Wildcard\", {\"Literal\": \"a*b\"}, \"Wildcard\"]}}",
                new Expr.Like(var(Variable.PRINCIPAL),
                        new Pattern(List.of(new Pattern.Wildcard(), new Pattern.Text("a*b"), new Pattern.Wildcard())))));
        cases.add(arguments("{\"like\": {\"left\": " + PRINCIPAL + ", \"pattern\": []}}",
                new Expr.Like(var(Variable.PRINCIPAL), new Pattern(List.of()))));
        cases.add(arguments("{\"is\": {\"left\": " + PRINCIPAL + ", \"entity_type\": \"Ns::User\"}}",
                new Expr.Is(var(Variable.PRINCIPAL), EntityType.of("Ns::User"))));
        cases.add(arguments("{\"if-then-else\": {\"if\": {\"Value\": true}, \"then\": {\"Value\": 1}, \"else\": {\"Value\": 2}}}",
                new Expr.If(bool(true), lit(1), lit(2))));
        cases.add(arguments("{\"Set\": [{\"Value\": 1}, " + PRINCIPAL + ", {\"Set\": []}]}",
                new Expr.SetLit(List.of(lit(1), var(Variable.PRINCIPAL), new Expr.SetLit(List.of())))));
        Map<String, Expr> fields = new LinkedHashMap<>();
        fields.put("b", lit(1));
        fields.put("", var(Variable.ACTION));
        cases.add(arguments("{\"Record\": {\"b\": {\"Value\": 1}, \"\": {\"Var\": \"action\"}}}", new Expr.RecordLit(fields)));
        cases.add(arguments("{\"Record\": {}}", new Expr.RecordLit(Map.of())));
        cases.add(arguments("{\"ip\": [{\"Value\": \"10.0.0.1\"}]}", new Expr.ExtensionCall("ip", List.of(str("10.0.0.1")))));
        cases.add(arguments("{\"isInRange\": [{\"ip\": [{\"Value\": \"10.0.0.1\"}]}, {\"ip\": [{\"Value\": \"10.0.0.0/8\"}]}]}",
                new Expr.ExtensionCall("isInRange", List.of(
                        new Expr.ExtensionCall("ip", List.of(str("10.0.0.1"))),
                        new Expr.ExtensionCall("ip", List.of(str("10.0.0.0/8")))))));
        cases.add(arguments("{\"toDays\": [{\"duration\": [{\"Value\": \"1d\"}]}]}",
                new Expr.ExtensionCall("toDays", List.of(new Expr.ExtensionCall("duration", List.of(str("1d")))))));
        cases.add(arguments("{\"decimal\": []}", new Expr.ExtensionCall("decimal", List.of())));
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("expressions")
    void readExpressionGivesTheTreeAndWritingItReadsBackTheSame(String json, Expr expected) {
        assertThat(readBody(json)).isEqualTo(expected);
        assertThat(roundTrip(when(expected))).isEqualTo(when(expected));
    }

    @Test
    void writeExpressionUsesTheReferenceShapes() {
        String json = CedarJson.writePolicy(when(new Expr.Binary(BinaryOp.CONTAINS_ANY,
                attr(var(Variable.PRINCIPAL), "groups"), new Expr.SetLit(List.of(entity("G", "g"))))));
        assertThat(json.replaceAll("\\s+", "")).isEqualTo(("{\"effect\":\"permit\",\"principal\":{\"op\":\"All\"},"
                + "\"action\":{\"op\":\"All\"},\"resource\":{\"op\":\"All\"},\"conditions\":[{\"kind\":\"when\",\"body\":"
                + "{\"containsAny\":{\"left\":{\".\":{\"left\":{\"Var\":\"principal\"},\"attr\":\"groups\"}},"
                + "\"right\":{\"Set\":[{\"Value\":{\"__entity\":{\"type\":\"G\",\"id\":\"g\"}}}]}}}}]}"));
    }

    // ------------------------------------------------------------ forms that read into the reference's trees

    @Test
    void readValueSetAndRecordAsLiterals() {
        assertThat(readBody("{\"Value\": [1, \"a\", [true]]}"))
                .isEqualTo(new Expr.SetLit(List.of(lit(1), str("a"), new Expr.SetLit(List.of(bool(true))))));
        assertThat(readBody("{\"Value\": {\"a\": {\"__entity\": {\"type\": \"U\", \"id\": \"u\"}}, \"b\": {}}}"))
                .isEqualTo(new Expr.RecordLit(Map.of("a", entity("U", "u"), "b", new Expr.RecordLit(Map.of()))));
        // the implicit entity form is a record here too
        assertThat(readBody("{\"Value\": {\"type\": \"U\", \"id\": \"u\"}}"))
                .isEqualTo(new Expr.RecordLit(Map.of("type", str("U"), "id", str("u"))));
    }

    @Test
    void readValueExtensionEscapeAsACallThatIsNotEvaluated() {
        assertThat(readBody("{\"Value\": {\"__extn\": {\"fn\": \"decimal\", \"arg\": \"not a decimal\"}}}"))
                .isEqualTo(new Expr.ExtensionCall("decimal", List.of(str("not a decimal"))));
        assertThat(readBody("{\"Value\": {\"__extn\": {\"fn\": \"offset\", \"args\": [{\"__extn\": {\"fn\": \"datetime\", \"arg\": \"2024-01-01\"}}, "
                + "{\"__extn\": {\"fn\": \"duration\", \"arg\": \"1h\"}}]}}}"))
                .isEqualTo(new Expr.ExtensionCall("offset", List.of(
                        new Expr.ExtensionCall("datetime", List.of(str("2024-01-01"))),
                        new Expr.ExtensionCall("duration", List.of(str("1h"))))));
    }

    @Test
    void readHasWithSeveralAttributesAsTheReferenceDesugarsIt() {
        Expr c = var(Variable.CONTEXT);
        assertThat(readBody("{\"has\": {\"left\": " + CONTEXT + ", \"attr\": [\"a\", \"b\", \"c\"]}}"))
                .isEqualTo(new Expr.And(
                        new Expr.And(new Expr.HasAttr(c, "a"), new Expr.HasAttr(attr(c, "a"), "b")),
                        new Expr.HasAttr(attr(attr(c, "a"), "b"), "c")));
        assertThat(readBody("{\"has\": {\"left\": " + CONTEXT + ", \"attr\": [\"a\"]}}")).isEqualTo(new Expr.HasAttr(c, "a"));
        assertThat(error(withBody("{\"has\": {\"left\": " + CONTEXT + ", \"attr\": []}}")).reason())
                .isEqualTo("expected an attribute name or a non-empty array of them, found an empty array");
    }

    @Test
    void readIsInAsIsAndIn() {
        Expr p = var(Variable.PRINCIPAL);
        assertThat(readBody("{\"is\": {\"left\": " + PRINCIPAL + ", \"entity_type\": \"User\", \"in\": {\"Value\": {\"__entity\": {\"type\": \"G\", \"id\": \"g\"}}}}}"))
                .isEqualTo(new Expr.And(new Expr.Is(p, EntityType.of("User")), new Expr.Binary(BinaryOp.IN, p, entity("G", "g"))));
    }

    @Test
    void readLikePatternJoinsAdjacentLiteralsAndDropsEmptyOnes() {
        assertThat(readBody("{\"like\": {\"left\": " + PRINCIPAL + ", \"pattern\": [{\"Literal\": \"a\"}, {\"Literal\": \"\"}, "
                + "{\"Literal\": \"b\"}, \"Wildcard\", \"Wildcard\", {\"Literal\": \"\"}]}}"))
                .isEqualTo(new Expr.Like(var(Variable.PRINCIPAL),
                        new Pattern(List.of(new Pattern.Text("ab"), new Pattern.Wildcard(), new Pattern.Wildcard()))));
    }

    // ------------------------------------------------------------ scope, conditions, annotations

    static Stream<Arguments> scopes() {
        String uid = "{\"type\": \"User\", \"id\": \"alice\"}";
        EntityReference.Uid alice = new EntityReference.Uid(EntityUid.of("User", "alice"));
        return Stream.of(
                arguments(ALL, new ScopeConstraint.Any()),
                arguments("{\"op\": \"==\", \"entity\": " + uid + "}", new ScopeConstraint.Eq(alice)),
                arguments("{\"op\": \"in\", \"entity\": {\"__entity\": " + uid + "}}", new ScopeConstraint.In(alice)),
                arguments("{\"op\": \"is\", \"entity_type\": \"User\"}", new ScopeConstraint.Is(EntityType.of("User"))),
                arguments("{\"op\": \"is\", \"entity_type\": \"User\", \"in\": {\"entity\": " + uid + "}}",
                        new ScopeConstraint.IsIn(EntityType.of("User"), alice)));
    }

    @ParameterizedTest
    @MethodSource("scopes")
    void readPrincipalAndResourceConstraintsBothWays(String json, ScopeConstraint expected) {
        Policy p = CedarJson.readPolicy(ID, policyJson(json, ALL, json, "[]"));
        assertThat(p.principal()).isEqualTo(expected);
        assertThat(p.resource()).isEqualTo(expected);
        assertThat(roundTrip(p)).isEqualTo(p);
    }

    @Test
    void readSlotsInTheirOwnPlaces() {
        Policy p = CedarJson.readPolicy(ID, policyJson("{\"op\": \"==\", \"slot\": \"?principal\"}", ALL,
                "{\"op\": \"is\", \"entity_type\": \"Photo\", \"in\": {\"slot\": \"?resource\"}}", "[]"));
        assertThat(p.principal()).isEqualTo(new ScopeConstraint.Eq(new EntityReference.Slot(SlotId.PRINCIPAL)));
        assertThat(p.resource()).isEqualTo(new ScopeConstraint.IsIn(EntityType.of("Photo"), new EntityReference.Slot(SlotId.RESOURCE)));
        assertThat(p.isTemplate()).isTrue();
        assertThat(roundTrip(p)).isEqualTo(p);
        Policy in = CedarJson.readPolicy(ID, policyJson("{\"op\": \"in\", \"slot\": \"?principal\"}", ALL, "{\"op\": \"in\", \"slot\": \"?resource\"}", "[]"));
        assertThat(in.slots()).containsExactlyInAnyOrder(SlotId.PRINCIPAL, SlotId.RESOURCE);
        assertThat(roundTrip(in)).isEqualTo(in);
    }

    @Test
    void readAcceptsLowerCaseAllAsTheReferenceDoes() {
        assertThat(CedarJson.readPolicy(ID, policyJson("{\"op\": \"all\"}", "{\"op\": \"all\"}", "{\"op\": \"all\"}", "[]")))
                .isEqualTo(Policy.builder(ID, Effect.PERMIT).build());
    }

    @Test
    void readActionConstraintsBothWays() {
        EntityUid view = EntityUid.of("Action", "view");
        EntityUid edit = EntityUid.of("Ns::Action", "edit");
        String viewJson = "{\"type\": \"Action\", \"id\": \"view\"}";
        String editJson = "{\"__entity\": {\"type\": \"Ns::Action\", \"id\": \"edit\"}}";
        Map<String, ActionConstraint> cases = Map.of(
                "{\"op\": \"==\", \"entity\": " + viewJson + "}", new ActionConstraint.Eq(view),
                "{\"op\": \"in\", \"entity\": " + viewJson + "}", new ActionConstraint.In(List.of(view)),
                "{\"op\": \"in\", \"entities\": [" + viewJson + ", " + editJson + "]}", new ActionConstraint.In(List.of(view, edit)),
                "{\"op\": \"in\", \"entities\": []}", new ActionConstraint.In(List.of()));
        cases.forEach((json, expected) -> {
            Policy p = CedarJson.readPolicy(ID, policyJson(ALL, json, ALL, "[]"));
            assertThat(p.action()).isEqualTo(expected);
            assertThat(roundTrip(p)).isEqualTo(p);
        });
        assertThat(CedarJson.readPolicy(ID, policyJson(ALL, "{\"op\": \"in\", \"entities\": [" + viewJson + "]}", ALL, "[]")).action())
                .isEqualTo(new ActionConstraint.In(List.of(view)));
    }

    @Test
    void readWholePolicyFromTheDocumentation() {
        Policy p = CedarJson.readPolicy(ID, """
                {
                    "effect": "forbid",
                    "principal": {"op": "==", "entity": { "type": "User", "id": "12UA45" }},
                    "action": {"op": "==", "entity": { "type": "Action", "id": "view" }},
                    "resource": {"op": "in", "entity": { "type": "Folder", "id": "abc" }},
                    "conditions": [
                        {"kind": "when", "body": {"==": {"left": {".": {"left": {"Var": "context"}, "attr": "tls_version"}},
                                                         "right": {"Value": "1.3"}}}},
                        {"kind": "unless", "body": {"Value": false}}
                    ],
                    "annotations": {"id": "forbid-old-tls", "advice": null}
                }""");
        Policy expected = Policy.builder(ID, Effect.FORBID)
                .principal(new ScopeConstraint.Eq(new EntityReference.Uid(EntityUid.of("User", "12UA45"))))
                .action(new ActionConstraint.Eq(EntityUid.of("Action", "view")))
                .resource(new ScopeConstraint.In(new EntityReference.Uid(EntityUid.of("Folder", "abc"))))
                .conditions(List.of(
                        new Condition(Condition.Kind.WHEN, new Expr.Binary(BinaryOp.EQ, attr(var(Variable.CONTEXT), "tls_version"), str("1.3"))),
                        new Condition(Condition.Kind.UNLESS, bool(false))))
                .annotations(Map.of("id", "forbid-old-tls", "advice", ""))
                .build();
        assertThat(p).isEqualTo(expected);
        assertThat(p.annotations().keySet()).containsExactly("id", "advice");
        assertThat(roundTrip(p)).isEqualTo(p);
        assertThat(CedarJson.writePolicy(p)).contains("\"advice\": \"\"");
    }

    @Test
    void writePolicyWithoutAnnotationsLeavesTheKeyOut() {
        assertThat(CedarJson.writePolicy(Policy.builder(ID, Effect.PERMIT).build())).isEqualTo("""
                {
                  "effect": "permit",
                  "principal": {
                    "op": "All"
                  },
                  "action": {
                    "op": "All"
                  },
                  "resource": {
                    "op": "All"
                  },
                  "conditions": []
                }""");
    }

    // ------------------------------------------------------------ errors

    @Test
    void readRejectsUnknownAndMissingKeys() {
        JsonFormatException e = error("{\"effect\": \"permit\", \"principal\": " + ALL + ", \"action\": " + ALL
                + ", \"resource\": " + ALL + ", \"conditions\": [], \"condition\": []}");
        assertThat(e.reason()).isEqualTo("unknown key `condition`, expected one of `effect`, `principal`, `action`, "
                + "`resource`, `conditions`, `annotations`");
        assertThat(e.path()).isEqualTo("$");
        assertThat(error("{\"effect\": \"permit\", \"principal\": " + ALL + ", \"action\": " + ALL + ", \"resource\": " + ALL + "}").reason())
                .isEqualTo("missing required key `conditions`");
        assertThat(error(policyJson("{\"op\": \"All\", \"entity\": {\"type\": \"U\", \"id\": \"u\"}}", ALL, ALL, "[]")).reason())
                .isEqualTo("unknown key `entity`, expected only `op`");
        assertThat(error(withBody("{\"==\": {\"left\": {\"Value\": 1}, \"right\": {\"Value\": 1}, \"extra\": 1}}")).path())
                .isEqualTo("$.conditions[0].body[\"==\"]");
        assertThat(error(policyJson(ALL, ALL, ALL, "[{\"kind\": \"when\", \"body\": {\"Value\": true}, \"x\": 1}]")).reason())
                .isEqualTo("unknown key `x`, expected one of `kind`, `body`");
    }

    @Test
    void readRejectsDuplicateKeys() {
        JsonFormatException e = error(withBody("{\"Record\": {\"a\": {\"Value\": 1}, \"a\": {\"Value\": 2}}}"));
        assertThat(e.reason()).isEqualTo("duplicate key `a`");
        assertThat(e.path()).isEqualTo("$.conditions[0].body.Record");
    }

    @Test
    void readRejectsMalformedExpressions() {
        assertThat(error(withBody("{}")).reason()).isEqualTo("an empty object is not an expression");
        assertThat(error(withBody("{\"Value\": 1, \"Var\": \"principal\"}")).reason())
                .isEqualTo("an expression has exactly one key, found `Value` and `Var`");
        assertThat(error(withBody("[]")).reason()).isEqualTo("expected an expression, which is an object, found an array");
        JsonFormatException unknown = error(withBody("{\"&&\": {\"left\": {\"Value\": true}, \"right\": {\"frobnicate\": []}}}"));
        assertThat(unknown.reason()).isEqualTo("unknown expression kind `frobnicate`: it is neither an operator nor an extension function");
        assertThat(unknown.path()).isEqualTo("$.conditions[0].body[\"&&\"].right");
        assertThat(error(withBody("{\"Var\": \"user\"}")).reason())
                .isEqualTo("unknown variable `user`, expected `principal`, `action`, `resource` or `context`");
        assertThat(error(withBody("{\"!\": {\"left\": {\"Value\": true}}}")).reason()).isEqualTo("unknown key `left`, expected only `arg`");
        assertThat(error(withBody("{\"decimal\": {\"Value\": \"1.0\"}}")).reason()).isEqualTo("expected an array, found an object");
        assertThat(error(withBody("{\"Value\": null}")).reason()).isEqualTo("found `null`, which is not a Cedar value");
        assertThat(error(withBody("{\"Value\": 1.5}")).reason()).isEqualTo("number `1.5` is not an integer");
        assertThat(error(withBody("{\"Value\": {\"__extn\": {\"fn\": \"frob\", \"arg\": \"x\"}}}")).reason())
                .isEqualTo("unknown extension function `frob`");
        assertThat(error(withBody("{\"like\": {\"left\": " + PRINCIPAL + ", \"pattern\": [\"*\"]}}")).reason())
                .isEqualTo("expected `\"Wildcard\"` or `{\"Literal\": \"...\"}`, found `\"*\"`");
        assertThat(error(withBody("{\"is\": {\"left\": " + PRINCIPAL + ", \"entity_type\": \"User Group\"}}")).reason())
                .isEqualTo("`User Group` is not a valid entity type name");
    }

    @Test
    void readRejectsSlotsOutsideTheirPlace() {
        assertThat(error(withBody("{\"Slot\": \"?principal\"}")).reason())
                .isEqualTo("template slots may appear only in the scope, not in conditions");
        JsonFormatException wrong = error(policyJson("{\"op\": \"==\", \"slot\": \"?resource\"}", ALL, ALL, "[]"));
        assertThat(wrong.reason()).isEqualTo("the slot `?resource` cannot appear in the principal constraint");
        assertThat(wrong.path()).isEqualTo("$.principal.slot");
        assertThat(error(policyJson(ALL, ALL, "{\"op\": \"in\", \"slot\": \"?other\"}", "[]")).reason())
                .isEqualTo("unknown slot `?other`, expected `?principal` or `?resource`");
        assertThat(error(policyJson(ALL, "{\"op\": \"==\", \"slot\": \"?principal\"}", ALL, "[]")).reason())
                .isEqualTo("slots are not allowed in the action constraint");
        assertThat(error(policyJson("{\"op\": \"==\", \"slot\": \"?principal\", \"entity\": {\"type\": \"U\", \"id\": \"u\"}}", ALL, ALL, "[]")).reason())
                .isEqualTo("expected either `entity` or `slot`, not both");
        assertThat(error(policyJson("{\"op\": \"in\"}", ALL, ALL, "[]")).reason()).isEqualTo("missing required key `entity` or `slot`");
    }

    @Test
    void readRejectsBadScopeConstraints() {
        JsonFormatException notAction = error(policyJson(ALL, "{\"op\": \"in\", \"entities\": [{\"type\": \"Action\", \"id\": \"a\"}, {\"type\": \"User\", \"id\": \"u\"}]}", ALL, "[]"));
        assertThat(notAction.reason()).isEqualTo("`User::\"u\"` is not an action: the action constraint only accepts entities of type "
                + "`Action` or `<namespace>::Action`");
        assertThat(notAction.path()).isEqualTo("$.action.entities[1]");
        assertThat(error(policyJson(ALL, "{\"op\": \"is\", \"entity_type\": \"Action\"}", ALL, "[]")).reason())
                .isEqualTo("unknown action scope operator `is`, expected `All`, `==` or `in`");
        assertThat(error(policyJson("{\"op\": \"like\"}", ALL, ALL, "[]")).reason())
                .isEqualTo("unknown scope operator `like`, expected `All`, `==`, `in` or `is`");
        assertThat(error(policyJson("{\"entity\": {\"type\": \"U\", \"id\": \"u\"}}", ALL, ALL, "[]")).reason())
                .isEqualTo("missing required key `op`");
        assertThat(error(policyJson(ALL, "{\"op\": \"in\", \"entity\": {\"type\": \"Action\", \"id\": \"a\"}, \"entities\": []}", ALL, "[]")).reason())
                .isEqualTo("expected either `entity` or `entities`, not both");
    }

    @Test
    void readRejectsBadEffectConditionKindAndAnnotations() {
        assertThat(error("{\"effect\": \"allow\", \"principal\": " + ALL + ", \"action\": " + ALL + ", \"resource\": " + ALL
                + ", \"conditions\": []}").reason()).isEqualTo("unknown effect `allow`, expected `permit` or `forbid`");
        assertThat(error(policyJson(ALL, ALL, ALL, "[{\"kind\": \"if\", \"body\": {\"Value\": true}}]")).reason())
                .isEqualTo("unknown condition kind `if`, expected `when` or `unless`");
        String base = policyJson(ALL, ALL, ALL, "[]");
        JsonFormatException name = error(base.substring(0, base.length() - 1) + ", \"annotations\": {\"a-b\": \"x\"}}");
        assertThat(name.reason()).isEqualTo("`a-b` is not a valid annotation name");
        assertThat(name.path()).isEqualTo("$.annotations");
        assertThat(error(base.substring(0, base.length() - 1) + ", \"annotations\": {\"a\": 1}}").reason())
                .isEqualTo("expected a string, found a number");
        // annotation names may be Cedar keywords, as in `@if("x")`
        assertThat(CedarJson.readPolicy(ID, base.substring(0, base.length() - 1) + ", \"annotations\": {\"if\": \"x\"}}").annotations())
                .isEqualTo(Map.of("if", "x"));
    }

    @Test
    void readWhenDeeplyNestedThenCleanError() {
        String deep = withBody("{\"!\": {\"arg\": ".repeat(100_000) + "{\"Value\": true}" + "}}".repeat(100_000));
        assertThat(error(deep).reason()).isEqualTo("the document is nested more than 127 levels deep");
    }

    @Test
    void readAsDeepAsAllowedWorks() {
        int levels = (JsonText.MAX_NESTING_DEPTH - 4) / 2; // policy, conditions, condition; two levels per `!`
        Expr expected = bool(true);
        for (int i = 0; i < levels; i++) {
            expected = new Expr.Unary(UnaryOp.NOT, expected);
        }
        String json = withBody("{\"!\": {\"arg\": ".repeat(levels) + "{\"Value\": true}" + "}}".repeat(levels));
        assertThat(CedarJson.readPolicy(ID, json)).isEqualTo(when(expected));
    }

    @Test
    void writeWhenNestedTooDeeplyThenCleanError() {
        // a policy that deep cannot be made (Expr.MAX_DEPTH); the deepest value that can be built (twice
        // Value.MAX_DEPTH) can, when its innermost value is an entity (written as two JSON objects)
        Value v = EntityUid.of("A", "b");
        for (int i = 1; i < 2 * Value.MAX_DEPTH; i++) {
            v = RecordValue.of(Map.of("a", v));
        }
        Value deep = v;
        assertThatThrownBy(() -> CedarJson.writeValue(deep))
                .isInstanceOf(CedarException.class)
                .hasMessage("the input is nested more than 1000 levels deep, too deep to write as JSON");
    }

    @Test
    void writeWhenPolicyAsDeepAsAllowedThenWritten() {
        Expr e = bool(true);
        for (int i = 0; i < Expr.MAX_DEPTH - 6; i++) {
            e = new Expr.Unary(UnaryOp.NOT, e);
        }
        Policy deep = when(e);
        // (deeper than the 127 JSON levels the readers take, as in the reference, which writes what it cannot read)
        assertThat(CedarJson.writePolicy(deep)).startsWith("{").contains("\"!\"");
    }
}
