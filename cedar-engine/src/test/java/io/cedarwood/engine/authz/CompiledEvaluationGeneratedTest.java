package io.cedarwood.engine.authz;

import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.ast.ActionConstraint;
import io.cedarwood.engine.ast.BinaryOp;
import io.cedarwood.engine.ast.Condition;
import io.cedarwood.engine.ast.Effect;
import io.cedarwood.engine.ast.EntityReference;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.Pattern;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.ast.ScopeConstraint;
import io.cedarwood.engine.ast.UnaryOp;
import io.cedarwood.engine.ast.Variable;
import io.cedarwood.engine.authz.CompiledEvaluationCorpusTest.Reference;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.eval.CompiledPolicy;
import io.cedarwood.engine.eval.Evaluator;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast path against the plain reference on generated input: small random stores (a group hierarchy,
 * attributes of every kind, some missing, tags, missing entities), policy sets of up to 80 policies with
 * every scope form and random conditions over every expression form (many ill-typed on purpose, so that
 * errors are compared too), and random requests. Each compiled policy must give the interpreter's result or
 * error, and the authorizer (index forced on, and as it is) the response of evaluating every policy in
 * order with the interpreter.
 */
class CompiledEvaluationGeneratedTest {
    private static final EntityType USER = EntityType.of("User");
    private static final EntityType GROUP = EntityType.of("Group");
    private static final EntityType DOC = EntityType.of("Doc");
    private static final EntityType ACTION = EntityType.of("Action");
    private static final List<String> ATTRS = List.of("age", "name", "owner", "groups", "flag", "info", "nope");

    private final Random rnd = new Random(20261122);

    @Test
    void compiledPoliciesAndIndexedAuthorizationAgreeWithTheInterpreterOnGeneratedInput() {
        int outcomes = 0;
        Set<String> kinds = new java.util.TreeSet<>();
        for (int round = 0; round < 600; round++) {
            List<EntityUid> pool = pool();
            Entities entities = entities(pool);
            List<Policy> list = new ArrayList<>();
            int n = round % 3 == 0 ? 40 + rnd.nextInt(40) : 1 + rnd.nextInt(10);
            for (int i = 0; i < n; i++) {
                list.add(policy("p" + i, pool));
            }
            PolicySet policies = PolicySet.of(list);
            PolicyIndex forced = new PolicyIndex(policies.policies(), 0);
            for (int q = 0; q < 10; q++) {
                Request request = new Request(pick(pool), pick(actions()), pick(pool), context(pool));
                for (Policy p : policies.policies()) {
                    String reference = Reference.outcome(() -> Evaluator.isSatisfied(p, request, entities));
                    String compiled = Reference.outcome(() -> CompiledPolicy.compile(p).isSatisfied(request, entities));
                    assertThat(compiled).as("policy %s on %s", p.toCedar(), request).isEqualTo(reference);
                    kinds.add(reference.startsWith("error") ? reference.substring(0, reference.indexOf(':')) : reference);
                    outcomes++;
                }
                Response expected = ReferenceAuthorizer.isAuthorized(request, policies, entities);
                assertThat(Reference.same(Decider.decide(request, forced, entities), expected))
                        .as("indexed authorization of %s", request).isTrue();
                assertThat(Reference.same(new Authorizer().isAuthorized(request, policies, entities), expected))
                        .as("authorization of %s", request).isTrue();
            }
        }
        assertThat(outcomes).isGreaterThan(50_000);
        // the generator reaches both results and the common kinds of error
        assertThat(kinds).contains("true", "false", "error TYPE_ERROR", "error ATTRIBUTE_DOES_NOT_EXIST",
                "error ENTITY_DOES_NOT_EXIST", "error EXTENSION_ERROR");
    }

    /**
     * The index by the test conditions start with ({@link CompiledPolicy.Guard}): policies whose first
     * condition starts with an equality or membership test of a path against a literal, on paths that
     * error, have a value of the wrong kind or of the right one, with literals that often match; the
     * forced index must answer as the interpreter evaluating every policy, and must leave policies out.
     */
    @Test
    void theIndexOfConditionsAgreesWithTheInterpreterOnGeneratedInput() {
        int narrowed = 0;
        int requests = 0;
        for (int round = 0; round < 400; round++) {
            List<EntityUid> pool = pool();
            Entities entities = entities(pool);
            List<Policy> list = new ArrayList<>();
            int n = 20 + rnd.nextInt(60);
            for (int i = 0; i < n; i++) {
                list.add(rnd.nextInt(5) == 0 ? policy("p" + i, pool) : guarded("p" + i, pool));
            }
            PolicySet policies = PolicySet.of(list);
            PolicyIndex forced = new PolicyIndex(policies.policies(), 0);
            for (int q = 0; q < 10; q++) {
                Request request = new Request(pick(pool), pick(actions()), pick(pool), context(pool));
                Response expected = ReferenceAuthorizer.isAuthorized(request, policies, entities);
                assertThat(Reference.same(Decider.decide(request, forced, entities), expected))
                        .as("indexed authorization of %s over %s", request, policies).isTrue();
                assertThat(Reference.same(new Authorizer().isAuthorized(request, policies, entities), expected))
                        .as("authorization of %s", request).isTrue();
                requests++;
                if (forced.candidates(request, entities).length < n / 2) {
                    narrowed++;
                }
            }
        }
        // the guards are found and used: many requests look at fewer than half of the policies (not most:
        // the generated stores often lack the attribute a path names, and then all its policies are taken)
        assertThat(narrowed).isGreaterThan(requests / 4);
    }

    private Policy guarded(String id, List<EntityUid> pool) {
        List<Condition> conditions = new ArrayList<>();
        boolean when = rnd.nextInt(4) != 0;
        Expr test = guardTest(pool, when);
        Expr first = switch (rnd.nextInt(3)) {
            case 0 -> test;
            case 1 -> when ? new Expr.And(test, expr(2, pool)) : new Expr.Or(test, expr(2, pool));
            default -> when ? new Expr.And(new Expr.And(test, expr(1, pool)), expr(1, pool))
                    : new Expr.Or(new Expr.Or(test, expr(1, pool)), expr(1, pool));
        };
        conditions.add(new Condition(when ? Condition.Kind.WHEN : Condition.Kind.UNLESS, first));
        if (rnd.nextInt(3) == 0) {
            conditions.add(new Condition(rnd.nextBoolean() ? Condition.Kind.WHEN : Condition.Kind.UNLESS, expr(2, pool)));
        }
        ScopeConstraint principal = rnd.nextInt(3) == 0 ? scope(pool) : new ScopeConstraint.Any();
        ScopeConstraint resource = rnd.nextInt(3) == 0 ? scope(pool) : new ScopeConstraint.Any();
        return Policy.builder(new PolicyId(id), rnd.nextInt(4) == 0 ? Effect.FORBID : Effect.PERMIT)
                .principal(principal).action(rnd.nextBoolean() ? actionScope() : new ActionConstraint.Any())
                .resource(resource).conditions(conditions).build();
    }

    /** {@code path == literal} and its mirror, {@code path.contains(literal)}, {@code path in entity}; {@code !=} for an unless. */
    private Expr guardTest(List<EntityUid> pool, boolean when) {
        Expr path = guardPath();
        Expr literal = rnd.nextInt(3) == 0 ? leafLiteral(pool) : lit(pick(pool));
        if (!when) {
            return rnd.nextBoolean() ? new Expr.Binary(BinaryOp.NOT_EQ, path, literal) : new Expr.Binary(BinaryOp.NOT_EQ, literal, path);
        }
        return switch (rnd.nextInt(4)) {
            case 0 -> new Expr.Binary(BinaryOp.EQ, path, literal);
            case 1 -> new Expr.Binary(BinaryOp.EQ, literal, path);
            case 2 -> new Expr.Binary(BinaryOp.CONTAINS, path, literal);
            default -> new Expr.Binary(BinaryOp.IN, path, lit(pick(pool)));
        };
    }

    private Expr guardPath() {
        Expr root = rnd.nextInt(5) == 0 ? new Expr.Var(Variable.ACTION) : var();
        return switch (rnd.nextInt(4)) {
            case 0 -> root;
            case 1, 2 -> attrOf(root);
            default -> new Expr.GetAttr(attrOf(root), pick(List.of("level", "who", "nope")));
        };
    }

    private Expr leafLiteral(List<EntityUid> pool) {
        return switch (rnd.nextInt(4)) {
            case 0 -> lit(LongValue.of(rnd.nextInt(4) - 1));
            case 1 -> lit(StringValue.of(pick(List.of("alice", "bob", "ab", ""))));
            case 2 -> lit(BoolValue.of(rnd.nextBoolean()));
            default -> lit(pick(pool));
        };
    }

    // ---- the store ----

    private List<EntityUid> pool() {
        List<EntityUid> pool = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pool.add(new EntityUid(USER, "u" + i));
            pool.add(new EntityUid(GROUP, "g" + i));
            pool.add(new EntityUid(DOC, "d" + i));
        }
        return pool;
    }

    private static List<EntityUid> actions() {
        return List.of(new EntityUid(ACTION, "view"), new EntityUid(ACTION, "edit"), new EntityUid(ACTION, "all"),
                new EntityUid(ACTION, "other"));
    }

    private Entities entities(List<EntityUid> pool) {
        List<Entity> out = new ArrayList<>();
        for (EntityUid uid : pool) {
            if (rnd.nextInt(8) == 0) {
                continue; // missing from the store
            }
            Set<EntityUid> parents = new LinkedHashSet<>();
            for (EntityUid candidate : pool) {
                // groups form a DAG (a group's parents have a larger number); users and docs join groups
                boolean group = candidate.type().equals(GROUP);
                boolean later = !uid.type().equals(GROUP) || candidate.id().compareTo(uid.id()) > 0;
                if (group && later && rnd.nextInt(3) == 0) {
                    parents.add(candidate);
                }
            }
            Map<String, Value> attrs = new LinkedHashMap<>();
            for (String a : ATTRS.subList(0, 6)) {
                if (rnd.nextInt(4) != 0) {
                    attrs.put(a, attr(a, pool));
                }
            }
            Map<String, Value> tags = rnd.nextBoolean() ? Map.of("t", StringValue.of("x")) : Map.of();
            out.add(new Entity(uid, attrs, parents, tags));
        }
        out.add(new Entity(new EntityUid(ACTION, "view"), Map.of(), Set.of(new EntityUid(ACTION, "all"))));
        out.add(new Entity(new EntityUid(ACTION, "edit"), Map.of(), Set.of(new EntityUid(ACTION, "all"))));
        out.add(Entity.of(new EntityUid(ACTION, "all")));
        return Entities.of(out);
    }

    private Value attr(String name, List<EntityUid> pool) {
        return switch (name) {
            case "age" -> LongValue.of(rnd.nextInt(5) - 1);
            case "name" -> StringValue.of(pick(List.of("alice", "bob", "ab", "")));
            case "owner" -> pick(pool);
            case "groups" -> SetValue.of(pick(pool), pick(pool));
            case "flag" -> BoolValue.of(rnd.nextBoolean());
            default -> new RecordValue(Map.of("level", LongValue.of(rnd.nextInt(3)), "who", pick(pool)));
        };
    }

    private RecordValue context(List<EntityUid> pool) {
        Map<String, Value> c = new LinkedHashMap<>();
        if (rnd.nextInt(4) != 0) {
            c.put("age", LongValue.of(rnd.nextInt(4)));
        }
        c.put("flag", BoolValue.of(rnd.nextBoolean()));
        c.put("who", pick(pool));
        c.put("set", SetValue.of(pick(pool), LongValue.of(1)));
        return new RecordValue(c);
    }

    // ---- policies ----

    private Policy policy(String id, List<EntityUid> pool) {
        List<Condition> conditions = new ArrayList<>();
        int count = rnd.nextInt(3);
        for (int i = 0; i < count; i++) {
            conditions.add(new Condition(rnd.nextBoolean() ? Condition.Kind.WHEN : Condition.Kind.UNLESS, expr(3, pool)));
        }
        return Policy.builder(new PolicyId(id), rnd.nextInt(4) == 0 ? Effect.FORBID : Effect.PERMIT)
                .principal(scope(pool)).action(actionScope()).resource(scope(pool)).conditions(conditions).build();
    }

    private ScopeConstraint scope(List<EntityUid> pool) {
        EntityReference ref = new EntityReference.Uid(pick(pool));
        EntityType type = pick(List.of(USER, GROUP, DOC));
        return switch (rnd.nextInt(6)) {
            case 0, 1 -> new ScopeConstraint.Any();
            case 2 -> new ScopeConstraint.Eq(ref);
            case 3 -> new ScopeConstraint.In(ref);
            case 4 -> new ScopeConstraint.Is(type);
            default -> new ScopeConstraint.IsIn(type, ref);
        };
    }

    private ActionConstraint actionScope() {
        return switch (rnd.nextInt(5)) {
            case 0, 1 -> new ActionConstraint.Any();
            case 2 -> new ActionConstraint.Eq(pick(actions()));
            case 3 -> new ActionConstraint.In(List.of(pick(actions()), pick(actions())));
            default -> new ActionConstraint.In(rnd.nextInt(4) == 0 ? List.of() : List.of(pick(actions())));
        };
    }

    private Expr expr(int depth, List<EntityUid> pool) {
        if (depth == 0 || rnd.nextInt(5) == 0) {
            return leaf(pool);
        }
        int d = depth - 1;
        return switch (rnd.nextInt(16)) {
            case 0 -> new Expr.If(expr(d, pool), expr(d, pool), expr(d, pool));
            case 1 -> new Expr.And(expr(d, pool), expr(d, pool));
            case 2 -> new Expr.Or(expr(d, pool), expr(d, pool));
            case 3 -> new Expr.Unary(pick(List.of(UnaryOp.values())), expr(d, pool));
            case 4, 5, 6 -> new Expr.Binary(pick(List.of(BinaryOp.values())), expr(d, pool), expr(d, pool));
            case 7 -> new Expr.Binary(BinaryOp.IN, var(), rnd.nextBoolean() ? lit(pick(pool)) : expr(d, pool));
            case 8 -> new Expr.Binary(BinaryOp.EQ, attrOf(var()), var());
            case 9 -> attrOf(rnd.nextBoolean() ? var() : expr(d, pool));
            case 10 -> new Expr.HasAttr(rnd.nextBoolean() ? var() : expr(d, pool), pick(ATTRS));
            case 11 -> new Expr.Like(expr(d, pool), new Pattern(List.of(new Pattern.Text(pick(List.of("a", "b", ""))),
                    new Pattern.Wildcard())));
            case 12 -> new Expr.Is(expr(d, pool), pick(List.of(USER, GROUP, DOC)));
            case 13 -> new Expr.SetLit(List.of(expr(d, pool), rnd.nextBoolean() ? leaf(pool) : lit(pick(pool))));
            case 14 -> new Expr.RecordLit(Map.of("z", expr(d, pool), "a", expr(d, pool)));
            default -> extension(d, pool);
        };
    }

    private Expr extension(int d, List<EntityUid> pool) {
        Expr decimal = new Expr.ExtensionCall("decimal", List.of(lit(StringValue.of(pick(List.of("1.5", "2.25", "x"))))));
        Expr ip = new Expr.ExtensionCall("ip", List.of(lit(StringValue.of(pick(List.of("10.0.0.1", "10.0.0.0/8", "nope"))))));
        return switch (rnd.nextInt(4)) {
            case 0 -> new Expr.ExtensionCall("lessThan", List.of(decimal, rnd.nextBoolean() ? decimal : expr(d, pool)));
            case 1 -> new Expr.ExtensionCall("isInRange", List.of(ip, ip));
            case 2 -> new Expr.ExtensionCall("isIpv4", List.of(rnd.nextBoolean() ? ip : expr(d, pool)));
            default -> decimal;
        };
    }

    private Expr leaf(List<EntityUid> pool) {
        return switch (rnd.nextInt(7)) {
            case 0 -> lit(LongValue.of(rnd.nextInt(4) - 1));
            case 1 -> lit(StringValue.of(pick(List.of("alice", "ab", ""))));
            case 2 -> lit(BoolValue.of(rnd.nextBoolean()));
            case 3 -> lit(pick(pool));
            case 4 -> new Expr.Var(Variable.CONTEXT);
            default -> var();
        };
    }

    private Expr attrOf(Expr target) {
        return new Expr.GetAttr(target, pick(ATTRS));
    }

    private Expr var() {
        return new Expr.Var(pick(List.of(Variable.PRINCIPAL, Variable.RESOURCE, Variable.ACTION, Variable.CONTEXT)));
    }

    private static Expr lit(Value v) {
        return new Expr.Literal(v);
    }

    private <T> T pick(List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }
}
