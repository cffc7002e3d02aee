package io.cedarwood.engine.json;

import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class EntityJsonTest {
    private static final EntityUid ALICE = EntityUid.of("User", "alice");

    private static JsonFormatException readError(String json) {
        Throwable t = catchThrowable(() -> CedarJson.readEntities(json));
        assertThat(t).isInstanceOf(JsonFormatException.class);
        return (JsonFormatException) t;
    }

    @Test
    void readEntitiesWithAttributesParentsAndTags() {
        List<Entity> entities = CedarJson.readEntities("""
                [
                  {"uid": {"type": "User", "id": "alice"},
                   "attrs": {"age": 30, "friend": {"__entity": {"type": "User", "id": "bob"}}, "groups": ["a"]},
                   "parents": [{"type": "Group", "id": "g"}, {"__entity": {"type": "Ns::Group", "id": "h"}}],
                   "tags": {"level": "high"}},
                  {"uid": {"__entity": {"type": "User", "id": "bob"}}, "attrs": {}, "parents": []}
                ]""");
        assertThat(entities).containsExactly(
                new Entity(ALICE,
                        Map.of("age", LongValue.of(30), "friend", EntityUid.of("User", "bob"),
                                "groups", SetValue.of(StringValue.of("a"))),
                        Set.of(EntityUid.of("Group", "g"), EntityUid.of("Ns::Group", "h")),
                        Map.of("level", StringValue.of("high"))),
                Entity.of(EntityUid.of("User", "bob")));
    }

    @Test
    void readEntitiesKeepsDuplicateUidsForTheStoreToJudge() {
        List<Entity> entities = CedarJson.readEntities("""
                [{"uid": {"type": "User", "id": "alice"}, "attrs": {}, "parents": []},
                 {"uid": {"type": "User", "id": "alice"}, "attrs": {"a": 1}, "parents": []}]""");
        assertThat(entities).hasSize(2);
    }

    @Test
    void readEntitiesIgnoresUnknownKeysAsTheReferenceDoes() {
        assertThat(CedarJson.readEntities("[{\"uid\": {\"type\": \"User\", \"id\": \"alice\"}, \"attrs\": {}, \"parents\": [], \"note\": 1}]"))
                .containsExactly(Entity.of(ALICE));
    }

    @Test
    void readEntitiesWhenAttrsOrParentsMissingThenError() {
        JsonFormatException e = readError("[\n {\"uid\": {\"type\": \"User\", \"id\": \"alice\"}, \"parents\": []}]");
        assertThat(e.reason()).isEqualTo("missing required key `attrs`");
        assertThat(e.path()).isEqualTo("$[0]");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(2);
        assertThat(readError("[{\"uid\": {\"type\": \"User\", \"id\": \"alice\"}, \"attrs\": {}}]").reason())
                .isEqualTo("missing required key `parents`");
        assertThat(readError("[{\"attrs\": {}, \"parents\": []}]").reason()).isEqualTo("missing required key `uid`");
    }

    @Test
    void readEntitiesWhenWrongShapesThenSaysWhere() {
        assertThat(readError("{}").reason()).isEqualTo("expected an array, found an object");
        assertThat(readError("[[]]").path()).isEqualTo("$[0]");
        JsonFormatException tags = readError("[{\"uid\": {\"type\": \"User\", \"id\": \"a\"}, \"attrs\": {}, \"parents\": [], \"tags\": null}]");
        assertThat(tags.reason()).isEqualTo("expected an object, found `null`");
        assertThat(tags.path()).isEqualTo("$[0].tags");
        JsonFormatException parent = readError("[{\"uid\": {\"type\": \"User\", \"id\": \"a\"}, \"attrs\": {}, \"parents\": [\"Group::\\\"g\\\"\"]}]");
        assertThat(parent.reason()).startsWith("expected an entity reference");
        assertThat(parent.path()).isEqualTo("$[0].parents[0]");
    }

    @Test
    void readEntitiesWhenAttributeInvalidThenPathAndLocationOfIt() {
        JsonFormatException e = readError("""
                [
                  {"uid": {"type": "User", "id": "a"}, "attrs": {}, "parents": []},
                  {"uid": {"type": "User", "id": "b"}, "attrs": {}, "parents": []},
                  {"uid": {"type": "User", "id": "c"},
                   "attrs": {"name": "c",
                             "age": 30.5},
                   "parents": []}
                ]""");
        assertThat(e.getMessage()).isEqualTo("number `30.5` is not an integer (at `$[2].attrs.age`, line 6, column 21)");
        assertThat(readError("[{\"uid\": {\"type\": \"User\", \"id\": \"a\"}, \"attrs\": {}, \"parents\": [], \"tags\": {\"t\": null}}]").path())
                .isEqualTo("$[0].tags.t");
    }

    @Test
    void readEntitiesWhenUidTypeInvalidThenError() {
        JsonFormatException e = readError("[{\"uid\": {\"type\": \"User Name\", \"id\": \"a\"}, \"attrs\": {}, \"parents\": []}]");
        assertThat(e.reason()).isEqualTo("`User Name` is not a valid entity type name");
        assertThat(e.path()).isEqualTo("$[0].uid.type");
    }

    @Test
    void readEntitiesWhenActionHasNonActionParentThenError() {
        JsonFormatException e = readError("""
                [{"uid": {"type": "Ns::Action", "id": "view"}, "attrs": {}, "parents": [
                    {"type": "Ns::Action", "id": "read"}, {"type": "Group", "id": "g"}]}]""");
        assertThat(e.reason()).isEqualTo("action `Ns::Action::\"view\"` has a non-action parent `Group::\"g\"`");
        assertThat(e.path()).isEqualTo("$[0].parents[1]");
        // a non-action may have an action parent
        assertThat(CedarJson.readEntities("[{\"uid\": {\"type\": \"User\", \"id\": \"a\"}, \"attrs\": {}, \"parents\": [{\"type\": \"Action\", \"id\": \"x\"}]}]"))
                .hasSize(1);
    }

    @Test
    void readEntitiesWhenDuplicateAttributeThenError() {
        JsonFormatException e = readError("[{\"uid\": {\"type\": \"User\", \"id\": \"a\"}, \"attrs\": {\"x\": 1, \"x\": 2}, \"parents\": []}]");
        assertThat(e.reason()).isEqualTo("duplicate key `x`");
        assertThat(e.path()).isEqualTo("$[0].attrs");
    }

    @Test
    void readEntitiesAcceptsNestingUpToTheLimit() {
        int depth = JsonText.MAX_NESTING_DEPTH - 3; // the array, the entity and its attrs, then the value
        String json = "[{\"uid\": {\"type\": \"U\", \"id\": \"\"}, \"parents\": [], \"attrs\": {\"deep\": "
                + "[".repeat(depth) + "]".repeat(depth) + "}}]";
        Value v = CedarJson.readEntities(json).get(0).attributes().get("deep");
        int levels = 0;
        while (v instanceof SetValue s) {
            levels++;
            v = s.elements().isEmpty() ? null : s.elements().iterator().next();
        }
        assertThat(levels).isEqualTo(depth);
        assertThat(readError(json.replace("\"deep\": [", "\"deep\": [[").replace("]}}]", "]]}}]")).reason())
                .isEqualTo("the document is nested more than 127 levels deep");
    }

    @Test
    void readEntitiesWhenDeeplyNestedThenCleanError() {
        String json = "[{\"uid\": {\"type\": \"U\", \"id\": \"\"}, \"parents\": [], \"attrs\": {\"deep\": " + "{\"a\": ".repeat(100_000);
        JsonFormatException e = readError(json);
        assertThat(e.reason()).isEqualTo("the document is nested more than 127 levels deep");
        assertThat(e.path()).startsWith("$[0].attrs.deep.a.a.a");
    }

    @Test
    void writeEntitiesThenReadGivesThemBack() {
        List<Entity> entities = List.of(
                new Entity(ALICE,
                        Map.of("r", RecordValue.of(Map.of("type", StringValue.of("x"), "id", StringValue.of("y"))),
                                "e", EntityUid.of("A::B", "c"), "b", BoolValue.TRUE),
                        Set.of(EntityUid.of("Group", "g"), EntityUid.of("Group", "h")),
                        Map.of("t", SetValue.of(LongValue.of(-1)))),
                Entity.of(EntityUid.of("Action", "view")));
        String json = CedarJson.writeEntities(entities);
        assertThat(CedarJson.readEntities(json)).isEqualTo(entities);
        assertThat(json).startsWith("[\n  {\n    \"uid\": {\n      \"type\": \"User\",\n      \"id\": \"alice\"\n    },\n    \"attrs\": {");
        // no tags, no `tags` key
        assertThat(json.substring(json.indexOf("\"Action\""))).doesNotContain("tags");
    }

    @Test
    void writeEntitiesOfNoneIsAnEmptyArray() {
        assertThat(CedarJson.writeEntities(List.of())).isEqualTo("[]");
        assertThat(CedarJson.readEntities("[]")).isEmpty();
    }
}
