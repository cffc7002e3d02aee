package io.cedarwood.sample.tinytodo;

import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.sample.tinytodo.cedar.TinyTodoEntities;
import io.cedarwood.sample.tinytodo.todo.TodoList;
import io.cedarwood.sample.tinytodo.todo.TodoStore;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The Cedar entities the application reads from its database. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class TinyTodoEntitiesTest {
    private static final EntityUid APP = EntityUid.of("Application", "TinyTodo");

    @Autowired
    TinyTodoEntities entities;

    @Autowired
    TodoStore store;

    @Test
    void theDatabaseHasTinyTodosPeopleAndTeams() {
        for (Entity expected : SharedTinyTodo.people()) {
            Entity actual = entities.entity(expected.uid());
            assertThat(actual).as("%s", expected.uid()).isNotNull();
            assertThat(actual.attributes()).as("%s", expected.uid()).isEqualTo(expected.attributes());
            // other tests share lists with these people and teams: their lists' teams are parents too
            Set<EntityUid> groups = actual.parents().stream()
                    .filter(p -> !p.id().startsWith("list-"))
                    .collect(Collectors.toSet());
            assertThat(groups).as("%s", expected.uid()).isEqualTo(expected.parents());
        }
    }

    @Test
    void aListIsItsRowWithItsOwnerAndTeams() {
        TodoList list = store.createList("kesha", "Entity test");

        Entity entity = entities.entity(EntityUid.of("List", Long.toString(list.id())));

        assertThat(entity.attributes()).containsEntry("name", StringValue.of("Entity test"))
                .containsEntry("owner", EntityUid.of("User", "kesha"))
                .containsEntry("readers", EntityUid.of("Team", "list-" + list.id() + "-readers"))
                .containsEntry("editors", EntityUid.of("Team", "list-" + list.id() + "-editors"));
        assertThat(entity.parents()).containsExactly(APP);
        assertThat(entities.entity(EntityUid.of("Team", "list-" + list.id() + "-readers")).parents())
                .containsExactly(APP);
    }

    @Test
    void aListIsFoundOnlyByItsCanonicalId() {
        TodoList list = store.createList("kesha", "Spelled once");
        String id = Long.toString(list.id());
        assertThat(entities.entity(EntityUid.of("List", id))).isNotNull();
        String arabicIndic = id.chars().mapToObj(c -> String.valueOf((char) ('\u0660' + c - '0'))).reduce("", String::concat);
        String fullwidth = id.chars().mapToObj(c -> String.valueOf((char) ('\uFF10' + c - '0'))).reduce("", String::concat);
        for (String spelling : new String[] {"0" + id, "00000" + id, "+" + id, " " + id, id + " ", arabicIndic, fullwidth,
                id + "0".repeat(20)}) {
            assertThat(entities.entity(EntityUid.of("List", spelling))).as("List::\"%s\"", spelling).isNull();
        }
    }

    @Test
    void whatTheDatabaseDoesNotHaveIsNoEntity() {
        assertThat(entities.entity(EntityUid.of("List", "987654"))).isNull();
        assertThat(entities.entity(EntityUid.of("List", "not-a-number"))).isNull();
        assertThat(entities.entity(EntityUid.of("User", "nobody"))).isNull();
        assertThat(entities.entity(EntityUid.of("Team", "nobody"))).isNull();
        assertThat(entities.entity(EntityUid.of("Application", "Other"))).isNull();
        assertThat(entities.entity(EntityUid.of("Photo", "1"))).isNull();
        assertThat(entities.entity(APP)).isEqualTo(Entity.of(APP));
    }
}
