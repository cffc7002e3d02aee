package io.cedarwood.engine.eval;

import io.cedarwood.engine.ast.BinaryOp;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.ast.SlotId;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.value.DecimalValue;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.EvaluationException;
import io.cedarwood.engine.value.EvaluationException.Kind;
import io.cedarwood.engine.value.IpAddrValue;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.cedarwood.engine.eval.Exprs.action;
import static io.cedarwood.engine.eval.Exprs.add;
import static io.cedarwood.engine.eval.Exprs.and;
import static io.cedarwood.engine.eval.Exprs.binary;
import static io.cedarwood.engine.eval.Exprs.call;
import static io.cedarwood.engine.eval.Exprs.contains;
import static io.cedarwood.engine.eval.Exprs.containsAll;
import static io.cedarwood.engine.eval.Exprs.containsAny;
import static io.cedarwood.engine.eval.Exprs.context;
import static io.cedarwood.engine.eval.Exprs.datetime;
import static io.cedarwood.engine.eval.Exprs.decimal;
import static io.cedarwood.engine.eval.Exprs.duration;
import static io.cedarwood.engine.eval.Exprs.eq;
import static io.cedarwood.engine.eval.Exprs.error;
import static io.cedarwood.engine.eval.Exprs.ge;
import static io.cedarwood.engine.eval.Exprs.get;
import static io.cedarwood.engine.eval.Exprs.getTag;
import static io.cedarwood.engine.eval.Exprs.gt;
import static io.cedarwood.engine.eval.Exprs.has;
import static io.cedarwood.engine.eval.Exprs.hasTag;
import static io.cedarwood.engine.eval.Exprs.in;
import static io.cedarwood.engine.eval.Exprs.ip;
import static io.cedarwood.engine.eval.Exprs.is;
import static io.cedarwood.engine.eval.Exprs.isEmpty;
import static io.cedarwood.engine.eval.Exprs.ite;
import static io.cedarwood.engine.eval.Exprs.le;
import static io.cedarwood.engine.eval.Exprs.like;
import static io.cedarwood.engine.eval.Exprs.lit;
import static io.cedarwood.engine.eval.Exprs.lt;
import static io.cedarwood.engine.eval.Exprs.mul;
import static io.cedarwood.engine.eval.Exprs.ne;
import static io.cedarwood.engine.eval.Exprs.neg;
import static io.cedarwood.engine.eval.Exprs.not;
import static io.cedarwood.engine.eval.Exprs.or;
import static io.cedarwood.engine.eval.Exprs.principal;
import static io.cedarwood.engine.eval.Exprs.record;
import static io.cedarwood.engine.eval.Exprs.resource;
import static io.cedarwood.engine.eval.Exprs.set;
import static io.cedarwood.engine.eval.Exprs.sub;
import static io.cedarwood.engine.eval.Exprs.uid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvaluatorTest {
    static final EntityUid ALICE = EntityUid.of("User", "alice");
    static final EntityUid BOB = EntityUid.of("User", "bob");
    static final EntityUid ADMINS = EntityUid.of("Group", "admins");
    static final EntityUid STAFF = EntityUid.of("Group", "staff");
    static final EntityUid PHOTO = EntityUid.of("Photo", "p1");
    static final EntityUid VIEW = EntityUid.of("Action", "view");

    static final Entities ENTITIES = Entities.of(List.of(
            new Entity(ALICE,
                    Map.of("name", StringValue.of("alice"), "age", LongValue.of(30), "manager", BOB),
                    Set.of(ADMINS),
                    Map.of("level", LongValue.of(3))),
            new Entity(BOB, Map.of(), Set.of(STAFF, EntityUid.of("Group", "phantom"))),
            new Entity(ADMINS, Map.of(), Set.of(STAFF)),
            Entity.of(STAFF),
            new Entity(PHOTO, Map.of("owner", ALICE), Set.of()),
            Entity.of(VIEW)));

    static final Request REQUEST = new Request(ALICE, VIEW, PHOTO, RecordValue.of(Map.of(
            "n", LongValue.of(5),
            "flag", BoolValue.TRUE,
            "nested", RecordValue.of(Map.of("a", LongValue.of(1))),
            "tags", SetValue.of(StringValue.of("x"), StringValue.of("y")))));

    static Value eval(Expr e) {
        return Evaluator.evaluate(e, REQUEST, ENTITIES);
    }

    static void assertValue(Expr e, Value expected) {
        assertThat(eval(e)).isEqualTo(expected);
    }

    static void assertTrue(Expr e) {
        assertValue(e, BoolValue.TRUE);
    }

    static void assertFalse(Expr e) {
        assertValue(e, BoolValue.FALSE);
    }

    static void assertError(Expr e, Kind kind) {
        assertThatThrownBy(() -> eval(e))
                .isInstanceOfSatisfying(EvaluationException.class, x -> assertThat(x.kind()).isEqualTo(kind));
    }

    static void assertError(Expr e, Kind kind, String message) {
        assertThatThrownBy(() -> eval(e))
                .isInstanceOfSatisfying(EvaluationException.class, x -> assertThat(x.kind()).isEqualTo(kind))
                .hasMessage(message);
    }

    static Expr alice() {
        return uid("User", "alice");
    }

    static Expr ghost() {
        return uid("User", "ghost");
    }

    @Nested
    class LiteralsAndVariables {
        @Test
        void literalsEvaluateToThemselves() {
            assertValue(lit(true), BoolValue.TRUE);
            assertValue(lit(-7), LongValue.of(-7));
            assertValue(lit("hi"), StringValue.of("hi"));
            assertValue(alice(), ALICE);
        }

        @Test
        void variablesComeFromTheRequest() {
            assertValue(principal(), ALICE);
            assertValue(action(), VIEW);
            assertValue(resource(), PHOTO);
            assertValue(context(), REQUEST.context());
        }
    }

    @Nested
    class ShortCircuiting {
        @Test
        void andStopsAtFalse() {
            assertFalse(and(lit(false), error()));
            assertFalse(and(lit(false), lit(1)));
            assertError(and(lit(true), error()), Kind.ENTITY_DOES_NOT_EXIST);
            assertTrue(and(lit(true), lit(true)));
            assertFalse(and(lit(true), lit(false)));
        }

        @Test
        void orStopsAtTrue() {
            assertTrue(or(lit(true), error()));
            assertTrue(or(lit(true), lit("not a bool")));
            assertError(or(lit(false), error()), Kind.ENTITY_DOES_NOT_EXIST);
            assertFalse(or(lit(false), lit(false)));
            assertTrue(or(lit(false), lit(true)));
        }

        @Test
        void andAndOrRequireBooleansWhereTheyEvaluate() {
            assertError(and(lit(1), lit(true)), Kind.TYPE_ERROR, "type error: expected bool, got long");
            assertError(and(lit(true), lit("x")), Kind.TYPE_ERROR, "type error: expected bool, got string");
            assertError(or(lit(1), lit(true)), Kind.TYPE_ERROR);
            assertError(or(lit(false), alice()), Kind.TYPE_ERROR,
                    "type error: expected bool, got (entity of type `User`)");
        }

        @Test
        void ifEvaluatesOnlyTheBranchTaken() {
            assertValue(ite(lit(true), lit(1), error()), LongValue.of(1));
            assertValue(ite(lit(false), error(), lit(2)), LongValue.of(2));
            assertError(ite(lit(true), error(), lit(2)), Kind.ENTITY_DOES_NOT_EXIST);
            assertValue(ite(lit(true), lit("any type"), lit(2)), StringValue.of("any type"));
        }

        @Test
        void ifRequiresABooleanCondition() {
            assertError(ite(lit(1), lit(1), lit(2)), Kind.TYPE_ERROR, "type error: expected bool, got long");
            assertError(ite(error(), lit(1), lit(2)), Kind.ENTITY_DOES_NOT_EXIST);
        }
    }

    @Nested
    class UnaryOperators {
        @Test
        void notNegatesBooleans() {
            assertFalse(not(lit(true)));
            assertTrue(not(lit(false)));
            assertError(not(lit(0)), Kind.TYPE_ERROR, "type error: expected bool, got long");
        }

        @Test
        void negNegatesLongsWithOverflowChecked() {
            assertValue(neg(lit(5)), LongValue.of(-5));
            assertValue(neg(lit(Long.MAX_VALUE)), LongValue.of(-Long.MAX_VALUE));
            assertError(neg(lit(Long.MIN_VALUE)), Kind.OVERFLOW,
                    "integer overflow while attempting to negate the value `-9223372036854775808`");
            assertError(neg(lit("5")), Kind.TYPE_ERROR, "type error: expected long, got string");
        }

        @Test
        void isEmptyOnSets() {
            assertTrue(isEmpty(set()));
            assertFalse(isEmpty(set(lit(1))));
            assertError(isEmpty(lit("")), Kind.TYPE_ERROR, "type error: expected set, got string");
            assertError(isEmpty(record()), Kind.TYPE_ERROR, "type error: expected set, got record");
        }
    }

    @Nested
    class Arithmetic {
        @Test
        void addSubtractMultiply() {
            assertValue(add(lit(2), lit(3)), LongValue.of(5));
            assertValue(sub(lit(2), lit(3)), LongValue.of(-1));
            assertValue(mul(lit(-4), lit(3)), LongValue.of(-12));
            assertValue(add(lit(Long.MAX_VALUE), lit(0)), LongValue.of(Long.MAX_VALUE));
            assertValue(sub(lit(-1), lit(Long.MAX_VALUE)), LongValue.of(Long.MIN_VALUE));
        }

        @Test
        void overflowIsAnError() {
            assertError(add(lit(Long.MAX_VALUE), lit(1)), Kind.OVERFLOW,
                    "integer overflow while attempting to add the values `9223372036854775807` and `1`");
            assertError(sub(lit(Long.MIN_VALUE), lit(1)), Kind.OVERFLOW,
                    "integer overflow while attempting to subtract the values `-9223372036854775808` and `1`");
            assertError(mul(lit(Long.MIN_VALUE), lit(-1)), Kind.OVERFLOW,
                    "integer overflow while attempting to multiply the values `-9223372036854775808` and `-1`");
            assertError(mul(lit(4_294_967_296L), lit(4_294_967_296L)), Kind.OVERFLOW);
        }

        @Test
        void operandsMustBeLongs() {
            assertError(add(lit(1), lit("2")), Kind.TYPE_ERROR, "type error: expected long, got string");
            assertError(sub(lit(true), lit(2)), Kind.TYPE_ERROR, "type error: expected long, got bool");
            assertError(mul(decimal("1.0"), lit(2)), Kind.TYPE_ERROR, "type error: expected long, got decimal");
        }

        @Test
        void operandsAreEvaluatedLeftToRightBeforeTheOperator() {
            assertError(add(error(), lit("x")), Kind.ENTITY_DOES_NOT_EXIST);
            assertError(add(lit("x"), error()), Kind.ENTITY_DOES_NOT_EXIST);
            assertError(add(lit(Long.MAX_VALUE), add(lit(Long.MAX_VALUE), lit(1))), Kind.OVERFLOW);
        }
    }

    @Nested
    class Comparisons {
        @Test
        void longs() {
            assertTrue(lt(lit(1), lit(2)));
            assertFalse(lt(lit(2), lit(2)));
            assertTrue(le(lit(2), lit(2)));
            assertFalse(le(lit(3), lit(2)));
            assertTrue(gt(lit(3), lit(2)));
            assertFalse(gt(lit(2), lit(2)));
            assertTrue(ge(lit(2), lit(2)));
            assertFalse(ge(lit(1), lit(2)));
            assertTrue(lt(lit(Long.MIN_VALUE), lit(Long.MAX_VALUE)));
        }

        @Test
        void datetimesAndDurations() {
            assertTrue(lt(datetime("2024-01-01"), datetime("2024-01-02")));
            assertTrue(ge(datetime("2024-01-01T01:00:00+0100"), datetime("2024-01-01")));
            assertFalse(gt(datetime("2024-01-01T01:00:00+0100"), datetime("2024-01-01")));
            assertTrue(le(duration("1h"), duration("60m")));
            assertTrue(gt(duration("1d"), duration("-2d")));
            assertFalse(lt(duration("1d"), duration("1d")));
        }

        @Test
        void mixedTypesAreTypeErrors() {
            assertError(lt(lit(1), lit("2")), Kind.TYPE_ERROR, "type error: expected long, got string");
            assertError(lt(lit("1"), lit(2)), Kind.TYPE_ERROR, "type error: expected long, got string");
            assertError(le(datetime("2024-01-01"), duration("1d")), Kind.TYPE_ERROR,
                    "type error: expected datetime, got duration");
            assertError(gt(lit(true), duration("1d")), Kind.TYPE_ERROR, "type error: expected duration, got bool");
            assertError(ge(lit(1), datetime("2024-01-01")), Kind.TYPE_ERROR, "type error: expected long, got datetime");
        }

        @Test
        void decimalsIpsAndStringsOnlyCompareThroughMethods() {
            assertError(lt(decimal("1.0"), decimal("2.0")), Kind.TYPE_ERROR,
                    "type error: expected one of [long, datetime, duration], got decimal"
                            + " (only types long, datetime, duration support comparison)");
            assertError(lt(ip("10.0.0.1"), ip("10.0.0.2")), Kind.TYPE_ERROR);
            assertError(lt(lit("a"), lit("b")), Kind.TYPE_ERROR);
            assertError(lt(set(), set()), Kind.TYPE_ERROR);
            assertTrue(call("lessThan", decimal("1.0"), decimal("2.0")));
        }
    }

    @Nested
    class Equality {
        @Test
        void equalValuesOfTheSameType() {
            assertTrue(eq(lit(1), lit(1)));
            assertFalse(eq(lit(1), lit(2)));
            assertTrue(eq(lit("a"), lit("a")));
            assertTrue(eq(alice(), principal()));
            assertFalse(eq(alice(), uid("Admin", "alice")));
            assertTrue(eq(set(lit(1), lit(2)), set(lit(2), lit(1), lit(2))));
            assertFalse(eq(set(lit(1)), set(lit(1), lit(2))));
            assertTrue(eq(record("a", lit(1), "b", set()), record("b", set(), "a", lit(1))));
            assertFalse(eq(record("a", lit(1)), record("a", lit(1), "b", lit(2))));
            assertTrue(eq(get(context(), "nested"), record("a", lit(1))));
        }

        @Test
        void valuesOfDifferentTypesAreUnequalNeverAnError() {
            assertFalse(eq(lit(1), lit("1")));
            assertFalse(eq(lit(true), lit(1)));
            assertFalse(eq(set(), record()));
            assertFalse(eq(decimal("1.0"), lit(1)));
            assertFalse(eq(duration("1ms"), datetime("1970-01-01T00:00:00.001Z")));
            assertTrue(ne(lit(1), lit("1")));
            assertFalse(ne(lit(1), lit(1)));
        }

        @Test
        void extensionValuesCompareByValue() {
            assertTrue(eq(decimal("1.0"), decimal("1.0000")));
            assertTrue(eq(ip("10.0.0.1"), ip("10.0.0.1/32")));
            assertFalse(eq(ip("10.0.0.1/24"), ip("10.0.0.0/24")));
            assertTrue(eq(duration("1h"), duration("60m")));
            assertTrue(eq(datetime("2024-01-01T01:00:00+0100"), datetime("2024-01-01")));
        }
    }

    @Nested
    class Hierarchy {
        @Test
        void anEntityIsInItself() {
            assertTrue(in(alice(), alice()));
            assertTrue(in(ghost(), ghost()));
        }

        @Test
        void inFollowsParentsTransitively() {
            assertTrue(in(alice(), uid("Group", "admins")));
            assertTrue(in(alice(), uid("Group", "staff")));
            assertFalse(in(uid("Group", "staff"), alice()));
            assertFalse(in(alice(), uid("Group", "other")));
            assertFalse(in(alice(), uid("User", "bob")));
        }

        @Test
        void aParentMissingFromTheStoreIsStillAnAncestor() {
            assertTrue(in(uid("User", "bob"), uid("Group", "phantom")));
        }

        @Test
        void aMissingEntityIsOnlyInItself() {
            assertFalse(in(ghost(), uid("Group", "staff")));
            assertTrue(in(ghost(), set(uid("Group", "staff"), ghost())));
        }

        @Test
        void inASetMeansInAnyElement() {
            assertTrue(in(alice(), set(uid("Group", "other"), uid("Group", "admins"))));
            assertFalse(in(alice(), set(uid("Group", "other"))));
            assertFalse(in(alice(), set()));
            assertTrue(in(alice(), set(alice())));
        }

        @Test
        void everySetElementMustBeAnEntityEvenAfterAMatch() {
            assertError(in(alice(), set(alice(), lit(1))), Kind.TYPE_ERROR,
                    "type error: expected entity, got long");
            assertError(in(alice(), set(lit(1), alice())), Kind.TYPE_ERROR);
        }

        @Test
        void operandTypes() {
            assertError(in(lit(1), alice()), Kind.TYPE_ERROR, "type error: expected entity, got long");
            assertError(in(lit(1), set(lit(1))), Kind.TYPE_ERROR, "type error: expected entity, got long"
                    + " (`in` is for checking the entity hierarchy; use `.contains()` to test set membership)");
            assertError(in(alice(), lit("Group::\"admins\"")), Kind.TYPE_ERROR,
                    "type error: expected one of [set, entity], got string");
            assertError(in(alice(), record()), Kind.TYPE_ERROR);
        }
    }

    @Nested
    class SetOperations {
        @Test
        void containsFindsEqualValues() {
            assertTrue(contains(set(lit(1), lit(2)), lit(2)));
            assertFalse(contains(set(lit(1), lit(2)), lit(3)));
            assertFalse(contains(set(lit(1)), lit("1")));
            assertTrue(contains(set(set(lit(1)), record("a", lit(1))), record("a", lit(1))));
            assertTrue(contains(get(context(), "tags"), lit("x")));
            assertTrue(contains(set(decimal("1.0")), decimal("1.00")));
            assertError(contains(lit("abc"), lit("a")), Kind.TYPE_ERROR, "type error: expected set, got string");
        }

        @Test
        void containsAllIsSubset() {
            assertTrue(containsAll(set(lit(1), lit(2), lit(3)), set(lit(1), lit(3))));
            assertTrue(containsAll(set(lit(1)), set()));
            assertTrue(containsAll(set(), set()));
            assertFalse(containsAll(set(lit(1)), set(lit(1), lit(2))));
            assertError(containsAll(set(lit(1)), lit(1)), Kind.TYPE_ERROR, "type error: expected set, got long");
            assertError(containsAll(lit(1), set()), Kind.TYPE_ERROR);
        }

        @Test
        void containsAnyIsIntersection() {
            assertTrue(containsAny(set(lit(1), lit(2)), set(lit(5), lit(2))));
            assertFalse(containsAny(set(lit(1), lit(2)), set(lit(5))));
            assertFalse(containsAny(set(lit(1)), set()));
            assertFalse(containsAny(set(), set(lit(1))));
            assertError(containsAny(set(), lit("x")), Kind.TYPE_ERROR);
            assertError(containsAny(record(), set()), Kind.TYPE_ERROR);
        }

        @Test
        void setLiteralsDropDuplicatesAndPropagateErrors() {
            assertValue(set(lit(1), lit(1), add(lit(0), lit(1))), SetValue.of(LongValue.of(1)));
            assertError(set(lit(1), error()), Kind.ENTITY_DOES_NOT_EXIST);
        }
    }

    @Nested
    class Attributes {
        @Test
        void recordAttributes() {
            assertValue(get(context(), "n"), LongValue.of(5));
            assertValue(get(get(context(), "nested"), "a"), LongValue.of(1));
            assertTrue(has(context(), "flag"));
            assertFalse(has(context(), "missing"));
            assertValue(get(record("x", lit(1)), "x"), LongValue.of(1));
        }

        @Test
        void missingRecordAttributeIsAnError() {
            assertError(get(context(), "missing"), Kind.ATTRIBUTE_DOES_NOT_EXIST,
                    "record does not have the attribute `missing`");
        }

        @Test
        void entityAttributes() {
            assertValue(get(principal(), "name"), StringValue.of("alice"));
            assertValue(get(get(resource(), "owner"), "age"), LongValue.of(30));
            assertTrue(has(principal(), "manager"));
            assertFalse(has(principal(), "missing"));
            assertFalse(has(principal(), "level"));
        }

        @Test
        void missingEntityAttributeIsAnError() {
            assertError(get(principal(), "missing"), Kind.ATTRIBUTE_DOES_NOT_EXIST,
                    "`User::\"alice\"` does not have the attribute `missing`");
            assertError(get(principal(), "level"), Kind.ATTRIBUTE_DOES_NOT_EXIST);
        }

        @Test
        void aMissingEntityHasNoAttributesButReadingOneIsAnError() {
            assertFalse(has(ghost(), "name"));
            assertError(get(ghost(), "name"), Kind.ENTITY_DOES_NOT_EXIST, "entity `User::\"ghost\"` does not exist");
            assertError(get(get(principal(), "manager"), "missing"), Kind.ATTRIBUTE_DOES_NOT_EXIST);
        }

        @Test
        void onlyRecordsAndEntitiesHaveAttributes() {
            assertError(get(lit(1), "a"), Kind.TYPE_ERROR, "type error: expected one of [record, entity], got long");
            assertError(has(lit("s"), "a"), Kind.TYPE_ERROR, "type error: expected one of [record, entity], got string");
            assertError(has(set(), "a"), Kind.TYPE_ERROR);
        }

        @Test
        void recordLiteralsEvaluateEveryField() {
            assertValue(record("b", add(lit(1), lit(1)), "a", lit("x")),
                    RecordValue.of(Map.of("a", StringValue.of("x"), "b", LongValue.of(2))));
            assertValue(record(), RecordValue.EMPTY);
        }

        @Test
        void recordLiteralsEvaluateFieldsInNameOrderAsTheReferenceDoes() {
            assertError(record("b", add(lit(1), lit("x")), "a", error()), Kind.ENTITY_DOES_NOT_EXIST);
            assertError(record("a", add(lit(1), lit("x")), "b", error()), Kind.TYPE_ERROR);
        }
    }

    @Nested
    class Tags {
        @Test
        void hasTagIsFalseForMissingTagsAndEntities() {
            assertTrue(hasTag(principal(), lit("level")));
            assertFalse(hasTag(principal(), lit("name")));
            assertFalse(hasTag(ghost(), lit("level")));
        }

        @Test
        void getTagReadsATagWhichMustExist() {
            assertValue(getTag(principal(), lit("level")), LongValue.of(3));
            assertError(getTag(principal(), lit("name")), Kind.TAG_DOES_NOT_EXIST,
                    "`User::\"alice\"` does not have the tag `name`");
            assertError(getTag(ghost(), lit("level")), Kind.ENTITY_DOES_NOT_EXIST,
                    "entity `User::\"ghost\"` does not exist");
        }

        @Test
        void operandTypes() {
            assertError(hasTag(context(), lit("n")), Kind.TYPE_ERROR, "type error: expected entity, got record");
            assertError(hasTag(principal(), lit(1)), Kind.TYPE_ERROR, "type error: expected string, got long");
            assertError(getTag(lit("User::\"alice\""), lit("level")), Kind.TYPE_ERROR);
            assertError(getTag(ghost(), lit(1)), Kind.TYPE_ERROR);
        }
    }

    @Nested
    class LikeAndIs {
        @Test
        void likeMatchesWildcards() {
            assertTrue(like(lit("alice"), "alice"));
            assertTrue(like(lit("alice"), "a*"));
            assertTrue(like(lit("alice"), "*e"));
            assertTrue(like(lit("alice"), "*lic*"));
            assertTrue(like(lit("alice"), "a*i*e"));
            assertTrue(like(lit(""), "*"));
            assertTrue(like(lit(""), ""));
            assertFalse(like(lit("alice"), "alic"));
            assertFalse(like(lit("alice"), "*x*"));
            assertFalse(like(lit("a"), ""));
            assertTrue(like(lit("a*b"), "a\\*b"));
            assertFalse(like(lit("axb"), "a\\*b"));
            assertError(like(lit(1), "*"), Kind.TYPE_ERROR, "type error: expected string, got long");
        }

        @Test
        void likeMatchesCodePoints() {
            assertTrue(like(lit("\uD83D\uDE00x"), "?x".replace("?", "\uD83D\uDE00")));
            assertTrue(like(lit("a\uD83D\uDE00b"), "a*b"));
            assertFalse(like(lit("\uD83D\uDE00"), "\uD83D"));
        }

        @Test
        void isComparesTheEntityType() {
            assertTrue(is(principal(), "User"));
            assertFalse(is(principal(), "Group"));
            assertTrue(is(uid("A::B::T", "x"), "A::B::T"));
            assertFalse(is(uid("A::B::T", "x"), "T"));
            assertTrue(is(ghost(), "User"));
            assertError(is(lit("User"), "User"), Kind.TYPE_ERROR, "type error: expected entity, got string");
        }
    }

    @Nested
    class ExtensionCalls {
        @Test
        void callsEvaluateArgumentsThenTheFunction() {
            assertTrue(call("isInRange", ip("10.0.0.1"), ip("10.0.0.0/8")));
            assertTrue(call("isLoopback", ip("127.0.0.1")));
            assertValue(decimal("1.5"), DecimalValue.parse("1.5"));
            assertValue(ip("::1"), IpAddrValue.parse("::1"));
            assertValue(call("toHours", call("durationSince", datetime("2024-01-02"), datetime("2024-01-01"))),
                    LongValue.of(24));
        }

        @Test
        void errorsKeepTheirKind() {
            assertError(decimal("x"), Kind.EXTENSION_ERROR);
            assertError(call("isIpv4", lit("10.0.0.1")), Kind.TYPE_ERROR);
            assertError(call("isIpv4", error()), Kind.ENTITY_DOES_NOT_EXIST);
            assertError(call("nope"), Kind.EXTENSION_ERROR);
        }
    }

    @Nested
    class Depth {
        @Test
        void moderatelyDeepExpressionsEvaluate() {
            Expr e = lit(0);
            for (int i = 1; i < Expr.MAX_DEPTH; i++) {
                e = add(e, lit(1));
            }
            assertValue(e, LongValue.of(Expr.MAX_DEPTH - 1));
        }

        @Test
        @Timeout(10)
        void aVeryDeepExpressionIsACleanErrorNotAStackOverflow() {
            Expr e = lit(true);
            for (int i = 0; i < 200_000; i++) {
                e = and(e, lit(true));
            }
            assertError(e, Kind.TOO_DEEP);
            Expr s = lit(1);
            for (int i = 0; i < 200_000; i++) {
                s = set(s);
            }
            assertError(s, Kind.TOO_DEEP);
        }

        @Test
        void anExpressionAsDeepAsAllowedFitsInAOneMebibyteStack() throws InterruptedException {
            Expr e = lit(true);
            for (int i = 1; i < Expr.MAX_DEPTH; i++) {
                e = i % 2 == 0 ? and(e, lit(true)) : or(lit(false), e);
            }
            Expr deep = e;
            assertThat(deep.depthUpTo(Expr.MAX_DEPTH + 1)).isEqualTo(Expr.MAX_DEPTH);
            Object[] result = new Object[1];
            Thread t = new Thread(null, () -> {
                try {
                    result[0] = Evaluator.evaluate(deep, REQUEST, ENTITIES);
                } catch (Throwable x) {
                    result[0] = x;
                }
            }, "one-mebibyte-stack", 1024L * 1024);
            t.start();
            t.join();
            assertThat(result[0]).isEqualTo(BoolValue.TRUE);
        }

        @Test
        void oneLevelPastTheLimitIsTooDeepWhateverTheStack() {
            Expr e = lit(0);
            for (int i = 1; i <= Expr.MAX_DEPTH; i++) {
                e = neg(e);
            }
            assertError(e, Kind.TOO_DEEP);
        }

        @Test
        void aContextNestedDeeperThanTheLimitIsRefusedWhenTheRequestIsMade() {
            Value v = LongValue.of(1);
            for (int i = 1; i < 2 * Value.MAX_DEPTH - 1; i++) {
                v = RecordValue.of(Map.of("a", v));
            }
            RecordValue context = RecordValue.of(Map.of("v", v));
            assertThatThrownBy(() -> new Request(ALICE, VIEW, PHOTO, context))
                    .isInstanceOf(CedarException.class).hasMessageContaining("nested too deeply");
        }

        @Test
        void contextValuesAsDeepAsAllowedCompareOnAOneMebibyteStack() throws InterruptedException {
            Value v = LongValue.of(1);
            Value w = LongValue.of(1);
            for (int i = 2; i < Value.MAX_DEPTH; i++) {
                v = RecordValue.of(Map.of("a", v));
                w = RecordValue.of(Map.of("a", w));
            }
            Request request = new Request(ALICE, VIEW, PHOTO, RecordValue.of(Map.of("v", v, "w", w)));
            Object[] result = new Object[1];
            Thread t = new Thread(null, () -> {
                try {
                    result[0] = Evaluator.evaluate(eq(get(context(), "v"), get(context(), "w")), request, ENTITIES);
                } catch (Throwable x) {
                    result[0] = x;
                }
            }, "one-mebibyte-stack", 1024L * 1024);
            t.start();
            t.join();
            assertThat(result[0]).isEqualTo(BoolValue.TRUE);
        }
    }

    @Nested
    class Providers {
        @Test
        void aCustomProviderIsAskedForEntitiesAndAncestors() {
            EntityProvider provider = uid -> uid.equals(ALICE)
                    ? new Entity(ALICE, Map.of("name", StringValue.of("al")), Set.of(ADMINS))
                    : uid.equals(ADMINS) ? new Entity(ADMINS, Map.of(), Set.of(STAFF)) : null;
            assertThat(Evaluator.evaluate(get(principal(), "name"), REQUEST, provider)).isEqualTo(StringValue.of("al"));
            assertThat(Evaluator.evaluate(in(principal(), uid("Group", "staff")), REQUEST, provider))
                    .isEqualTo(BoolValue.TRUE);
            assertThatThrownBy(() -> Evaluator.evaluate(get(resource(), "owner"), REQUEST, provider))
                    .isInstanceOfSatisfying(EvaluationException.class,
                            x -> assertThat(x.kind()).isEqualTo(Kind.ENTITY_DOES_NOT_EXIST));
        }
    }

    @Test
    void everyBinaryOperatorIsEvaluated() {
        // a guard against an operator added to the AST without evaluation: each one gives some result or error
        for (BinaryOp op : BinaryOp.values()) {
            try {
                eval(binary(op, lit(1), lit(1)));
            } catch (EvaluationException e) {
                assertThat(e.kind()).isEqualTo(Kind.TYPE_ERROR);
            }
        }
    }

    @Nested
    class Slots {
        @Test
        void evaluateWhenASlotIsNotLinkedThenUnlinkedSlot() {
            assertError(new Expr.Slot(SlotId.PRINCIPAL), Kind.UNLINKED_SLOT,
                    "the template slot `?principal` is not linked");
            assertError(eq(resource(), new Expr.Slot(SlotId.RESOURCE)),
                    Kind.UNLINKED_SLOT, "the template slot `?resource` is not linked");
        }

        @Test
        void evaluateWhenASlotIsNeverReachedThenNoError() {
            assertFalse(and(lit(false), new Expr.Slot(SlotId.PRINCIPAL)));
        }
    }
}
