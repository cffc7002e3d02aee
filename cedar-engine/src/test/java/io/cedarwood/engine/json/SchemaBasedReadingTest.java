package io.cedarwood.engine.json;

import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.value.DatetimeValue;
import io.cedarwood.engine.value.DecimalValue;
import io.cedarwood.engine.value.DurationValue;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.IpAddrValue;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@link CedarJson}'s readers that take a schema: implicit forms steered by declared types, and conformance. */
class SchemaBasedReadingTest {
    private static final Schema SCHEMA = Schema.parseCedarSchema("""
            entity Team in [Team];
            entity Color enum ["red", "green"];
            entity User in [Team] = {
              name: String,
              age?: Long,
              boss?: User,
              friends?: Set<User>,
              home?: { city: String, zip?: Long, owner?: User },
              ip?: ipaddr,
              score?: decimal,
              seen?: datetime,
              ttl?: duration,
              nets?: Set<ipaddr>,
              color?: Color,
            } tags Set<String>;
            entity Doc = { title: String };
            action all;
            action read in [all] appliesTo { principal: [User], resource: [Doc],
              context: { ip: ipaddr, by?: User, level?: Long, window?: { from: datetime, length: duration } } };
            action view in [read];
            """);
    private static final EntityUid ALICE = EntityUid.of("User", "alice");
    private static final EntityUid BOB = EntityUid.of("User", "bob");
    private static final EntityUid READ = EntityUid.of("Action", "read");

    /** Reads one User entity with the given attributes (JSON object members) and returns its attributes. */
    private static Map<String, Value> userAttributes(String members) {
        List<Entity> entities = CedarJson.readEntities("[{\"uid\": {\"type\": \"User\", \"id\": \"alice\"}, "
                + "\"attrs\": {\"name\": \"Alice\"" + (members.isEmpty() ? "" : ", " + members) + "}, \"parents\": []}]",
                SCHEMA);
        return entities.get(0).attributes();
    }

    private static JsonFormatException entitiesError(String json) {
        return catchThrowableOfType(JsonFormatException.class, () -> CedarJson.readEntities(json, SCHEMA));
    }

    private static JsonFormatException userError(String members) {
        JsonFormatException e = catchThrowableOfType(JsonFormatException.class, () -> userAttributes(members));
        assertThat(e).as("an error for %s", members).isNotNull();
        return e;
    }

    private static RecordValue record(Object... kv) {
        Map<String, Value> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Value) kv[i + 1]);
        }
        return RecordValue.of(m);
    }

    @Nested
    class ImplicitForms {
        @Test
        void entityTypeAcceptsTypeAndIdWithoutEscape() {
            assertThat(userAttributes("\"boss\": {\"type\": \"User\", \"id\": \"bob\"}")).containsEntry("boss", BOB);
        }

        @Test
        void entityTypeStillAcceptsTheExplicitEscape() {
            assertThat(userAttributes("\"boss\": {\"__entity\": {\"type\": \"User\", \"id\": \"bob\"}}")).containsEntry("boss", BOB);
        }

        @Test
        void setOfEntitiesReadsEachElementAsAnEntity() {
            assertThat(userAttributes("\"friends\": [{\"type\": \"User\", \"id\": \"bob\"}, {\"__entity\": {\"type\": \"User\", \"id\": \"alice\"}}]"))
                    .containsEntry("friends", SetValue.of(BOB, ALICE));
        }

        @Test
        void recordPassesDeclaredTypesToItsAttributes() {
            assertThat(userAttributes("\"home\": {\"city\": \"Oslo\", \"owner\": {\"type\": \"User\", \"id\": \"bob\"}}"))
                    .containsEntry("home", record("city", StringValue.of("Oslo"), "owner", BOB));
        }

        @Test
        void bareStringIsTheConstructorArgumentOfEachExtensionType() {
            Map<String, Value> attrs = userAttributes("\"ip\": \"10.0.0.1\", \"score\": \"1.5\", "
                    + "\"seen\": \"2024-01-01\", \"ttl\": \"1h30m\", \"nets\": [\"10.0.0.0/8\"]");
            assertThat(attrs).containsEntry("ip", IpAddrValue.parse("10.0.0.1"))
                    .containsEntry("score", DecimalValue.parse("1.5"))
                    .containsEntry("seen", DatetimeValue.parse("2024-01-01"))
                    .containsEntry("ttl", DurationValue.parse("1h30m"))
                    .containsEntry("nets", SetValue.of(IpAddrValue.parse("10.0.0.0/8")));
        }

        @Test
        void extensionTypeAcceptsTheCallWithoutEscape() {
            assertThat(userAttributes("\"ip\": {\"fn\": \"ip\", \"arg\": \"10.0.0.1\"}"))
                    .containsEntry("ip", IpAddrValue.parse("10.0.0.1"));
        }

        @Test
        void extensionTypeStillAcceptsTheExplicitEscape() {
            assertThat(userAttributes("\"score\": {\"__extn\": {\"fn\": \"decimal\", \"arg\": \"2.25\"}}"))
                    .containsEntry("score", DecimalValue.parse("2.25"));
        }

        @Test
        void callArgumentsAreReadWithTheFunctionsArgumentTypes() {
            DatetimeValue expected = new DatetimeValue(DatetimeValue.parse("2024-01-01").epochMillis()
                    + DurationValue.parse("1h").millis());
            assertThat(userAttributes("\"seen\": {\"fn\": \"offset\", \"args\": [\"2024-01-01\", \"1h\"]}"))
                    .containsEntry("seen", expected);
            assertThat(userAttributes("\"seen\": {\"__extn\": {\"fn\": \"offset\", \"args\": [\"2024-01-01\", {\"fn\": \"duration\", \"arg\": \"1h\"}]}}"))
                    .containsEntry("seen", expected);
        }

        @Test
        void contextUsesTheActionsContextType() {
            RecordValue context = CedarJson.readContext("""
                    {"ip": "192.168.0.1", "by": {"type": "User", "id": "bob"},
                     "window": {"from": "2024-01-01T00:00:00Z", "length": "2d"}}""", SCHEMA, READ);
            assertThat(context).isEqualTo(record("ip", IpAddrValue.parse("192.168.0.1"), "by", BOB,
                    "window", record("from", DatetimeValue.parse("2024-01-01T00:00:00Z"), "length", DurationValue.parse("2d"))));
        }

        @Test
        void requestReadsItsContextWithTheSchema() {
            Request request = CedarJson.readRequest("""
                    {"principal": "User::\\"alice\\"", "action": "Action::\\"read\\"", "resource": "Doc::\\"d\\"",
                     "context": {"ip": "::1"}}""", SCHEMA);
            assertThat(request).isEqualTo(new Request(ALICE, READ, EntityUid.of("Doc", "d"),
                    record("ip", IpAddrValue.parse("::1"))));
        }

        @Test
        void tagsAreReadWithTheTagType() {
            List<Entity> entities = CedarJson.readEntities("""
                    [{"uid": {"type": "User", "id": "alice"}, "attrs": {"name": "A"}, "parents": [],
                      "tags": {"roles": ["admin"]}}]""", SCHEMA);
            assertThat(entities.get(0).tags()).containsEntry("roles", SetValue.of(StringValue.of("admin")));
        }

        @Test
        void namespacedEntityTypesAreWrittenFullyQualified() {
            Schema schema = Schema.parseCedarSchema("namespace App { entity User = { boss?: User }; }");
            List<Entity> entities = CedarJson.readEntities("""
                    [{"uid": {"type": "App::User", "id": "a"}, "attrs": {"boss": {"type": "App::User", "id": "b"}}, "parents": []}]""",
                    schema);
            assertThat(entities.get(0).attributes()).containsEntry("boss", EntityUid.of("App::User", "b"));
        }

        @Test
        void withoutASchemaTheImplicitFormsAreOrdinaryValues() {
            Entity e = CedarJson.readEntities("""
                    [{"uid": {"type": "User", "id": "alice"}, "attrs": {"boss": {"type": "User", "id": "bob"}, "ip": "10.0.0.1"},
                      "parents": []}]""").get(0);
            assertThat(e.attributes()).containsEntry("boss", record("type", StringValue.of("User"), "id", StringValue.of("bob")))
                    .containsEntry("ip", StringValue.of("10.0.0.1"));
        }
    }

    @Nested
    class ValueErrors {
        @Test
        void entityExpectedButOtherValueGiven() {
            assertThat(userError("\"boss\": \"bob\"").reason()).startsWith("expected an entity reference");
            assertThat(userError("\"boss\": \"bob\"").path()).isEqualTo("$[0].attrs.boss");
        }

        @Test
        void entityOfAnotherTypeDoesNotConform() {
            assertThat(userError("\"boss\": {\"type\": \"Team\", \"id\": \"t\"}").reason())
                    .isEqualTo("in attribute `boss` of entity `User::\"alice\"`, value Team::\"t\" does not have the expected type `User`");
        }

        @Test
        void primitiveOfAnotherTypeDoesNotConform() {
            assertThat(userError("\"age\": \"old\"").reason())
                    .isEqualTo("in attribute `age` of entity `User::\"alice\"`, value \"old\" does not have the expected type `Long`");
            assertThat(userError("\"home\": {\"city\": {\"type\": \"User\", \"id\": \"x\"}}").reason())
                    .startsWith("in attribute `home` of entity `User::\"alice\"`, value {\"city\": {\"id\": \"x\", \"type\": \"User\"}}");
        }

        @Test
        void setExpectedButNoArray() {
            JsonFormatException e = userError("\"friends\": {\"type\": \"User\", \"id\": \"bob\"}");
            assertThat(e.reason()).isEqualTo("expected a value of type `Set<User>`, found `{\"type\": \"User\", \"id\": \"bob\"}`");
            assertThat(e.path()).isEqualTo("$[0].attrs.friends");
        }

        @Test
        void recordExpectedButNoObject() {
            assertThat(userError("\"home\": \"Oslo\"").reason()).startsWith("expected a value of type `{\"city\": String");
        }

        @Test
        void recordMissingARequiredAttribute() {
            JsonFormatException e = userError("\"home\": {\"zip\": 1}");
            assertThat(e.reason()).startsWith("the record is missing the required attribute `city`");
            assertThat(e.path()).isEqualTo("$[0].attrs.home");
        }

        @Test
        void recordWithAnUndeclaredAttribute() {
            JsonFormatException e = userError("\"home\": {\"city\": \"Oslo\", \"street\": \"x\"}");
            assertThat(e.reason()).startsWith("the record has the attribute `street`, which type `{\"city\": String");
            assertThat(e.path()).isEqualTo("$[0].attrs.home.street");
        }

        @Test
        void extensionStringTheConstructorRejects() {
            JsonFormatException e = userError("\"ip\": \"not an address\"");
            assertThat(e.path()).isEqualTo("$[0].attrs.ip");
            assertThat(e.reason()).contains("not an address");
        }

        @Test
        void extensionConstructorArgumentOfAnotherType() {
            assertThat(userError("\"score\": 5").path()).isEqualTo("$[0].attrs.score");
        }

        @Test
        void unknownExtensionFunction() {
            assertThat(userError("\"ip\": {\"fn\": \"address\", \"arg\": \"10.0.0.1\"}").reason())
                    .isEqualTo("unknown extension function `address`");
        }

        @Test
        void wrongNumberOfArguments() {
            assertThat(userError("\"seen\": {\"fn\": \"offset\", \"args\": [\"2024-01-01\"]}").reason())
                    .isEqualTo("extension function `offset` takes 2 arguments, found 1");
        }

        @Test
        void extensionValueOfAnotherTypeDoesNotConform() {
            assertThat(userError("\"score\": {\"fn\": \"ip\", \"arg\": \"10.0.0.1\"}").reason())
                    .isEqualTo("in attribute `score` of entity `User::\"alice\"`, value ip(\"10.0.0.1\") does not have the expected type `decimal`");
        }

        @Test
        void removedExprEscape() {
            assertThat(userError("\"ip\": {\"__expr\": \"ip(\\\"1.2.3.4\\\")\"}").reason())
                    .isEqualTo("the `__expr` escape is no longer supported");
        }
    }

    @Nested
    class EntityConformance {
        @Test
        void conformingEntitiesAreFollowedByTheSchemasActions() {
            List<Entity> entities = CedarJson.readEntities("""
                    [{"uid": {"type": "Team", "id": "t"}, "attrs": {}, "parents": []},
                     {"uid": {"type": "User", "id": "alice"}, "attrs": {"name": "A"}, "parents": [{"type": "Team", "id": "t"}]}]""",
                    SCHEMA);
            assertThat(entities).hasSize(2 + SCHEMA.actionEntities().size());
            assertThat(entities.subList(2, entities.size())).containsExactlyElementsOf(SCHEMA.actionEntities());
        }

        @Test
        void undeclaredEntityType() {
            JsonFormatException e = entitiesError("[{\"uid\": {\"type\": \"Robot\", \"id\": \"r\"}, \"attrs\": {}, \"parents\": []}]");
            assertThat(e.reason()).isEqualTo("entity `Robot::\"r\"` has type `Robot`, which is not declared in the schema");
            assertThat(e.path()).isEqualTo("$[0].uid");
        }

        @Test
        void undeclaredAttribute() {
            JsonFormatException e = userError("\"height\": 180");
            assertThat(e.reason()).isEqualTo("attribute `height` of entity `User::\"alice\"` is not declared in the schema");
            assertThat(e.path()).isEqualTo("$[0].attrs.height");
        }

        @Test
        void missingRequiredAttribute() {
            JsonFormatException e = entitiesError("[{\"uid\": {\"type\": \"User\", \"id\": \"alice\"}, \"attrs\": {}, \"parents\": []}]");
            assertThat(e.reason()).isEqualTo("entity `User::\"alice\"` is missing the required attribute `name`");
            assertThat(e.path()).isEqualTo("$[0]");
        }

        @Test
        void tagOnATypeWithoutTags() {
            JsonFormatException e = entitiesError("[{\"uid\": {\"type\": \"Team\", \"id\": \"t\"}, \"attrs\": {}, \"parents\": [], \"tags\": {\"a\": \"b\"}}]");
            assertThat(e.reason()).isEqualTo("entity `Team::\"t\"` has the tag `a`, but its type `Team` has no tags");
            assertThat(e.path()).isEqualTo("$[0].tags.a");
        }

        @Test
        void tagOfTheWrongType() {
            JsonFormatException e = entitiesError("""
                    [{"uid": {"type": "User", "id": "alice"}, "attrs": {"name": "A"}, "parents": [], "tags": {"roles": [1]}}]""");
            assertThat(e.reason()).isEqualTo("in tag `roles` of entity `User::\"alice\"`, value [1] does not have the expected type `Set<String>`");
        }

        @Test
        void parentOfATypeItCannotBeAMemberOf() {
            JsonFormatException e = entitiesError("""
                    [{"uid": {"type": "User", "id": "alice"}, "attrs": {"name": "A"}, "parents": [{"type": "Doc", "id": "d"}]}]""");
            assertThat(e.reason()).isEqualTo("entity `User::\"alice\"` has a parent of type `Doc`, which its type `User` cannot be a member of");
        }

        @Test
        void parentMayBeOfATypeReachedThroughTheHierarchy() {
            assertThat(CedarJson.readEntities("""
                    [{"uid": {"type": "Team", "id": "t"}, "attrs": {}, "parents": [{"type": "Team", "id": "u"}]}]""", SCHEMA))
                    .first().extracting(Entity::parents).isEqualTo(Set.of(EntityUid.of("Team", "u")));
        }

        @Test
        void enumeratedEntityWithAnUndeclaredId() {
            assertThat(entitiesError("[{\"uid\": {\"type\": \"Color\", \"id\": \"blue\"}, \"attrs\": {}, \"parents\": []}]").reason())
                    .isEqualTo("entity `Color::\"blue\"` is of an enumerated entity type, but `blue` is not one of its ids");
            assertThat(userError("\"color\": {\"type\": \"Color\", \"id\": \"blue\"}").reason())
                    .isEqualTo("entity `Color::\"blue\"` is of an enumerated entity type, but `blue` is not one of its ids");
            assertThat(userAttributes("\"color\": {\"type\": \"Color\", \"id\": \"red\"}"))
                    .containsEntry("color", EntityUid.of("Color", "red"));
        }

        @Test
        void undeclaredActionReferencedFromAnAttribute() {
            Schema schema = Schema.parseCedarSchema("entity E = { a: Action }; action read;");
            assertThat(CedarJson.readEntities("[{\"uid\": {\"type\": \"E\", \"id\": \"e\"}, \"attrs\": {\"a\": {\"type\": \"Action\", \"id\": \"read\"}}, \"parents\": []}]", schema))
                    .first().extracting(Entity::attributes).isEqualTo(Map.of("a", EntityUid.of("Action", "read")));
            assertThatThrownBy(() -> CedarJson.readEntities("[{\"uid\": {\"type\": \"E\", \"id\": \"e\"}, \"attrs\": {\"a\": {\"type\": \"Action\", \"id\": \"write\"}}, \"parents\": []}]", schema))
                    .isInstanceOf(JsonFormatException.class)
                    .hasMessageStartingWith("action `Action::\"write\"` is not declared in the schema");
        }
    }

    @Nested
    class ActionEntities {
        private List<Entity> read(String actions) {
            return CedarJson.readEntities("[" + actions + "]", SCHEMA);
        }

        private JsonFormatException error(String actions) {
            return catchThrowableOfType(JsonFormatException.class, () -> read(actions));
        }

        @Test
        void actionsThatAgreeWithTheSchemaAreReplacedByTheSchemas() {
            List<Entity> entities = read("""
                    {"uid": {"type": "Action", "id": "view"}, "attrs": {}, "parents": [{"type": "Action", "id": "read"}]},
                    {"uid": {"type": "Action", "id": "read"}, "attrs": {}, "parents": [{"type": "Action", "id": "all"}]},
                    {"uid": {"type": "Action", "id": "all"}, "attrs": {}, "parents": []}""");
            assertThat(entities).containsExactlyElementsOf(SCHEMA.actionEntities());
        }

        @Test
        void actionWithEveryAncestorAsAParentAgrees() {
            assertThat(read("""
                    {"uid": {"type": "Action", "id": "view"}, "attrs": {},
                     "parents": [{"type": "Action", "id": "read"}, {"type": "Action", "id": "all"}]}"""))
                    .containsExactlyElementsOf(SCHEMA.actionEntities());
        }

        @Test
        void actionWhoseAncestorsInTheDataFallShortOfTheSchemas() {
            // as in the reference, the ancestors come from the data's own hierarchy: `read` is not in the data,
            // so `view` has only `read` as an ancestor, while the schema gives it `read` and `all`
            JsonFormatException e = error("{\"uid\": {\"type\": \"Action\", \"id\": \"view\"}, \"attrs\": {}, \"parents\": [{\"type\": \"Action\", \"id\": \"read\"}]}");
            assertThat(e.reason()).isEqualTo("definition of action `Action::\"view\"` does not match its schema declaration");
            assertThat(e.path()).isEqualTo("$[0]");
        }

        @Test
        void actionWithOtherParents() {
            assertThat(error("{\"uid\": {\"type\": \"Action\", \"id\": \"all\"}, \"attrs\": {}, \"parents\": [{\"type\": \"Action\", \"id\": \"read\"}]}").reason())
                    .isEqualTo("definition of action `Action::\"all\"` does not match its schema declaration");
        }

        @Test
        void actionWithAttributesOrTags() {
            assertThat(error("{\"uid\": {\"type\": \"Action\", \"id\": \"all\"}, \"attrs\": {\"a\": 1}, \"parents\": []}").reason())
                    .isEqualTo("definition of action `Action::\"all\"` does not match its schema declaration");
            assertThat(error("{\"uid\": {\"type\": \"Action\", \"id\": \"all\"}, \"attrs\": {}, \"parents\": [], \"tags\": {\"a\": 1}}").reason())
                    .isEqualTo("definition of action `Action::\"all\"` does not match its schema declaration");
        }

        @Test
        void undeclaredAction() {
            assertThat(error("{\"uid\": {\"type\": \"Action\", \"id\": \"write\"}, \"attrs\": {}, \"parents\": []}").reason())
                    .isEqualTo("action `Action::\"write\"` is not declared in the schema");
        }

        @Test
        void actionWithANonActionParent() {
            assertThat(error("{\"uid\": {\"type\": \"Action\", \"id\": \"all\"}, \"attrs\": {}, \"parents\": [{\"type\": \"Team\", \"id\": \"t\"}]}").reason())
                    .isEqualTo("action `Action::\"all\"` has a non-action parent `Team::\"t\"`");
        }

        @Test
        void differingDuplicateActions() {
            assertThat(error("""
                    {"uid": {"type": "Action", "id": "all"}, "attrs": {}, "parents": []},
                    {"uid": {"type": "Action", "id": "all"}, "attrs": {"a": 1}, "parents": []}""").reason())
                    .isEqualTo("duplicate entity entry `Action::\"all\"`");
        }
    }

    @Nested
    class Contexts {
        private JsonFormatException error(String json, EntityUid action) {
            return catchThrowableOfType(JsonFormatException.class, () -> CedarJson.readContext(json, SCHEMA, action));
        }

        @Test
        void undeclaredAction() {
            assertThat(error("{}", EntityUid.of("Action", "write")).reason())
                    .isEqualTo("action `Action::\"write\"` is not declared in the schema, so its context cannot be read");
        }

        @Test
        void missingRequiredAttribute() {
            assertThat(error("{\"level\": 1}", READ).reason()).startsWith("the record is missing the required attribute `ip`");
        }

        @Test
        void undeclaredAttribute() {
            JsonFormatException e = error("{\"ip\": \"::1\", \"extra\": true}", READ);
            assertThat(e.reason()).startsWith("the record has the attribute `extra`");
            assertThat(e.path()).isEqualTo("$.extra");
        }

        @Test
        void notAnObject() {
            assertThat(error("[]", READ).reason()).isEqualTo("expected an object, found an array");
        }

        @Test
        void primitiveOfAnotherTypeIsLeftToRequestValidation() {
            // the reference reads it; request validation then rejects it
            assertThat(CedarJson.readContext("{\"ip\": \"::1\", \"level\": \"high\"}", SCHEMA, READ))
                    .isEqualTo(record("ip", IpAddrValue.parse("::1"), "level", StringValue.of("high")));
        }

        @Test
        void actionWithoutContextTypeTakesOnlyTheEmptyRecord() {
            assertThat(CedarJson.readContext("{}", SCHEMA, EntityUid.of("Action", "all"))).isEqualTo(RecordValue.EMPTY);
            assertThat(error("{\"a\": 1}", EntityUid.of("Action", "all")).reason()).startsWith("the record has the attribute `a`");
        }

        @Test
        void requestWithAnUndeclaredActionSaysWhere() {
            JsonFormatException e = catchThrowableOfType(JsonFormatException.class, () -> CedarJson.readRequest("""
                    {"principal": "User::\\"alice\\"", "action": "Action::\\"write\\"", "resource": "Doc::\\"d\\"",
                     "context": {}}""", SCHEMA));
            assertThat(e.path()).isEqualTo("$.action");
        }
    }

    @Test
    void deeplyNestedInputGivesACleanError() {
        String deep = "{\"ip\": \"::1\", \"level\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThatThrownBy(() -> CedarJson.readContext(deep, SCHEMA, READ)).isInstanceOf(JsonFormatException.class);
        String deepEntity = "[{\"uid\": {\"type\": \"User\", \"id\": \"a\"}, \"attrs\": {\"name\": \"A\", \"home\": "
                + "{\"city\": ".repeat(50_000) + "\"x\"" + "}".repeat(50_000) + "}, \"parents\": []}]";
        assertThatThrownBy(() -> CedarJson.readEntities(deepEntity, SCHEMA)).isInstanceOf(JsonFormatException.class);
    }

    @Test
    void longValuesStayLongs() {
        assertThat(userAttributes("\"age\": 42")).containsEntry("age", LongValue.of(42));
    }
}
