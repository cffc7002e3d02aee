package io.cedarwood.engine.schema;

import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.DecimalValue;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaConformanceTest {
    private static final Schema SCHEMA = Schema.parseCedarSchema("""
            entity App enum ["app"];
            entity Group in [App];
            entity User in [Group] = { name: String, age?: Long, home: { city: String } } tags Set<String>;
            entity Doc;
            action read appliesTo { principal: User, resource: [Doc, App], context: { amount: decimal, by?: User } };
            action all;
            action write in [read];
            """);
    private static final ResolvedSchema R = SCHEMA.resolved();

    private static EntityUid uid(String type, String id) {
        return EntityUid.of(type, id);
    }

    private static RecordValue record(Object... kv) {
        java.util.Map<String, Value> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Value) kv[i + 1]);
        }
        return RecordValue.of(m);
    }

    @Test
    void checkValueWhenTypesMatchThenConforms() {
        SchemaType.RecordType home = new SchemaType.RecordType(Map.of("city", new SchemaType.AttributeType(SchemaType.STRING, true),
                "zip", new SchemaType.AttributeType(SchemaType.LONG, false)));
        assertThat(SchemaConformance.checkValue(record("city", StringValue.of("x")), home)).isEmpty();
        assertThat(SchemaConformance.checkValue(record("city", StringValue.of("x"), "zip", LongValue.of(1)), home)).isEmpty();
        assertThat(SchemaConformance.checkValue(SetValue.EMPTY, new SchemaType.SetType(home))).isEmpty();
        assertThat(SchemaConformance.checkValue(new DecimalValue(10), new SchemaType.ExtensionType("decimal"))).isEmpty();
        assertThat(SchemaConformance.checkValue(uid("User", "a"), new SchemaType.EntityRefType(uid("User", "a").type()))).isEmpty();
    }

    @Test
    void checkValueWhenTypesDifferThenSaysWhy() {
        SchemaType.RecordType home = new SchemaType.RecordType(Map.of("city", new SchemaType.AttributeType(SchemaType.STRING, true)));
        assertThat(SchemaConformance.checkValue(LongValue.of(1), SchemaType.STRING)).contains("value 1 does not have the type `String`");
        assertThat(SchemaConformance.checkValue(RecordValue.EMPTY, home)).get().asString().contains("missing the required attribute `city`");
        assertThat(SchemaConformance.checkValue(record("city", StringValue.of("x"), "zip", LongValue.of(1)), home))
                .get().asString().contains("has the attribute `zip`");
        assertThat(SchemaConformance.checkValue(SetValue.of(LongValue.of(1), StringValue.of("a")), new SchemaType.SetType(SchemaType.LONG)))
                .contains("value \"a\" does not have the type `Long`");
        assertThat(SchemaConformance.checkValue(uid("Doc", "a"), new SchemaType.EntityRefType(uid("User", "a").type()))).isPresent();
        assertThat(SchemaConformance.checkValue(new DecimalValue(1), new SchemaType.ExtensionType("ipaddr"))).isPresent();
    }

    @Test
    void checkRequestWhenValidThenNothing() {
        Request ok = new Request(uid("User", "a"), uid("Action", "read"), uid("App", "app"),
                record("amount", new DecimalValue(1), "by", uid("User", "b")));
        assertThat(SchemaConformance.checkRequest(R, ok)).isEmpty();
    }

    @Test
    void checkRequestWhenInvalidThenTheFirstProblem() {
        RecordValue ctx = record("amount", new DecimalValue(1));
        assertThat(SchemaConformance.checkRequest(R, new Request(uid("Nobody", "a"), uid("Action", "read"), uid("Doc", "d"), ctx)))
                .contains("principal type `Nobody` is not declared in the schema");
        assertThat(SchemaConformance.checkRequest(R, new Request(uid("User", "a"), uid("Action", "read"), uid("App", "other"), ctx)))
                .contains("entity `App::\"other\"` is of an enumerated entity type, but `other` is not one of its ids");
        assertThat(SchemaConformance.checkRequest(R, new Request(uid("User", "a"), uid("Action", "nope"), uid("Doc", "d"), ctx)))
                .contains("request's action `Action::\"nope\"` is not declared in the schema");
        assertThat(SchemaConformance.checkRequest(R, new Request(uid("Doc", "a"), uid("Action", "read"), uid("Doc", "d"), ctx)))
                .contains("principal type `Doc` is not valid for `Action::\"read\"`");
        assertThat(SchemaConformance.checkRequest(R, new Request(uid("User", "a"), uid("Action", "all"), uid("Doc", "d"), ctx)))
                .contains("principal type `User` is not valid for `Action::\"all\"`");
        assertThat(SchemaConformance.checkRequest(R, new Request(uid("User", "a"), uid("Action", "read"), uid("Doc", "d"),
                record("amount", LongValue.of(1))))).get().asString().startsWith("context {\"amount\": 1} is not valid");
        assertThat(SchemaConformance.checkRequest(R, new Request(uid("User", "a"), uid("Action", "read"), uid("Doc", "d"),
                record("amount", new DecimalValue(1), "x", uid("Action", "ghost")))))
                .contains("action `Action::\"ghost\"` is not declared in the schema");
    }

    @Test
    void checkEntityWhenConformingThenNothing() {
        Entity user = new Entity(uid("User", "a"),
                Map.of("name", StringValue.of("A"), "home", record("city", StringValue.of("X"))),
                Set.of(uid("Group", "g"), uid("App", "app")), Map.of("t", SetValue.of(StringValue.of("x"))));
        assertThat(SchemaConformance.checkEntity(R, user)).isEmpty();
        assertThat(SchemaConformance.checkEntity(R, Entity.of(uid("App", "app")))).isEmpty();
    }

    @Test
    void checkEntityWhenNotConformingThenSaysWhy() {
        Map<String, Value> attrs = Map.of("name", StringValue.of("A"), "home", record("city", StringValue.of("X")));
        assertThat(SchemaConformance.checkEntity(R, Entity.of(uid("Ghost", "a")))).get().asString().contains("not declared");
        assertThat(SchemaConformance.checkEntity(R, Entity.of(uid("App", "x")))).get().asString().contains("enumerated");
        assertThat(SchemaConformance.checkEntity(R, new Entity(uid("User", "a"), Map.of("name", StringValue.of("A")), Set.of())))
                .contains("entity `User::\"a\"` is missing the required attribute `home`");
        assertThat(SchemaConformance.checkEntity(R, new Entity(uid("User", "a"),
                Map.of("name", StringValue.of("A"), "home", record("city", StringValue.of("X")), "x", BoolValue.TRUE), Set.of())))
                .contains("attribute `x` of entity `User::\"a\"` is not declared in the schema");
        assertThat(SchemaConformance.checkEntity(R, new Entity(uid("User", "a"),
                Map.of("name", LongValue.of(1), "home", record("city", StringValue.of("X"))), Set.of())))
                .get().asString().startsWith("in attribute `name` of entity `User::\"a\"`");
        assertThat(SchemaConformance.checkEntity(R, new Entity(uid("User", "a"), attrs, Set.of(uid("Doc", "d")))))
                .get().asString().contains("has a parent of type `Doc`");
        assertThat(SchemaConformance.checkEntity(R, new Entity(uid("Doc", "d"), Map.of(), Set.of(), Map.of("t", BoolValue.TRUE))))
                .get().asString().contains("has no tags");
        assertThat(SchemaConformance.checkEntity(R, new Entity(uid("User", "a"), attrs, Set.of(), Map.of("t", BoolValue.TRUE))))
                .get().asString().startsWith("in tag `t`");
    }

    @Test
    void checkEntityWhenActionThenItMustMatchTheSchema() {
        assertThat(SchemaConformance.checkEntity(R, new Entity(uid("Action", "write"), Map.of(), Set.of(uid("Action", "read")))))
                .isEmpty();
        assertThat(SchemaConformance.checkEntity(R, Entity.of(uid("Action", "write"))))
                .contains("definition of action `Action::\"write\"` does not match its schema declaration");
        assertThat(SchemaConformance.checkEntity(R, Entity.of(uid("Action", "ghost"))))
                .contains("action `Action::\"ghost\"` is not declared in the schema");
    }

    @Test
    void actionEntitiesComeFromTheSchema() {
        assertThat(SCHEMA.actionEntities()).contains(new Entity(uid("Action", "write"), Map.of(), Set.of(uid("Action", "read"))),
                Entity.of(uid("Action", "all")));
        assertThat(SCHEMA.actionEntities()).allSatisfy(e -> assertThat(SchemaConformance.checkEntity(R, e)).isEmpty());
    }

    @Test
    void checkActionEntityComparesTheAncestorsTheDataGivesWithTheSchemas() {
        Entity write = new Entity(uid("Action", "write"), Map.of(), Set.of(uid("Action", "read")));
        assertThat(SchemaConformance.checkActionEntity(R, write, Set.of(uid("Action", "read")))).isEmpty();
        assertThat(SchemaConformance.checkActionEntity(R, write, Set.of(uid("Action", "read"), uid("Action", "all"))))
                .contains("definition of action `Action::\"write\"` does not match its schema declaration");
        assertThat(SchemaConformance.checkActionEntity(R, Entity.of(uid("Action", "write")), Set.of()))
                .contains("definition of action `Action::\"write\"` does not match its schema declaration");
        assertThat(SchemaConformance.checkActionEntity(R, Entity.of(uid("Action", "nope")), Set.of()))
                .contains("action `Action::\"nope\"` is not declared in the schema");
        assertThat(SchemaConformance.checkActionEntity(R, new Entity(uid("Action", "all"), Map.of("a", LongValue.of(1)), Set.of()), Set.of()))
                .contains("definition of action `Action::\"all\"` does not match its schema declaration");
    }
}
