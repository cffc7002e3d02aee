package io.cedarwood.sample.tinytodo;

import io.cedarwood.sample.tinytodo.cedar.Permissions;
import io.cedarwood.sample.tinytodo.cedar.VisibleLists;
import io.cedarwood.sample.tinytodo.todo.ListSummary;
import io.cedarwood.sample.tinytodo.todo.Member;
import io.cedarwood.sample.tinytodo.todo.Person;
import io.cedarwood.sample.tinytodo.todo.TodoList;
import io.cedarwood.sample.tinytodo.todo.TodoService;
import io.cedarwood.sample.tinytodo.todo.TodoStore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lists page and {@code GET /api/lists} show the lists of one filtered query: exactly those for which a
 * decision per list allows, for every person and every list action, on generated lists, people and sharing
 * (a database of its own, so that the other tests' lists stay as they are).
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:tinytodo-visible-lists;DB_CLOSE_DELAY=-1")
class VisibleListsTest {
    private static final String[] LOCATIONS = {"ABC17", "DEF33", "XYZ77", "DEF'; --", "DE%", "ABC17' or '1'='1"};

    @Autowired
    TodoStore store;

    @Autowired
    TodoService todo;

    @Autowired
    VisibleLists visible;

    @Autowired
    Permissions permissions;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void everyPersonSeesByOneQueryExactlyWhatADecisionPerListAllows() {
        Random random = new Random(14);
        String[] extra = {"o'brien", "x'); delete from lists; --", "semi;colon", "back\\slash", "per%cent"};
        for (int i = 0; i < extra.length; i++) {
            jdbc.sql("insert into users (name, password, location, joblevel) values (?, '{noop}x', ?, ?)")
                    .param(extra[i]).param(LOCATIONS[random.nextInt(LOCATIONS.length)]).param(random.nextInt(10)).update();
            if (i % 2 == 0) {
                store.addMember(random.nextBoolean() ? "temp" : "interns", new Member(Member.Kind.USER, extra[i]));
            }
        }
        List<Person> people = store.people();
        List<String> groups = store.groups();
        for (int i = 0; i < 200; i++) {
            TodoList list = store.createList(people.get(random.nextInt(people.size())).name(), "list " + i + "'; --");
            for (int s = random.nextInt(3); s > 0; s--) {
                Member member = random.nextBoolean()
                        ? new Member(Member.Kind.USER, people.get(random.nextInt(people.size())).name())
                        : new Member(Member.Kind.TEAM, groups.get(random.nextInt(groups.size())));
                store.addMember(random.nextBoolean() ? list.readers() : list.editors(), member);
            }
        }
        List<TodoList> all = store.lists();
        int seen = 0;
        Set<Integer> sizes = new TreeSet<>();
        for (Person person : people) {
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(person.name(), null, List.of()));
            for (String action : Permissions.LIST_ACTIONS) {
                Set<Long> expected = new TreeSet<>();
                for (TodoList list : all) {
                    if (permissions.allows(action, Permissions.list(list.id()))) {
                        expected.add(list.id());
                    }
                }
                Set<Long> filtered = new TreeSet<>();
                visible.lists(action).forEach(l -> filtered.add(l.id()));
                assertThat(filtered).as("%s %s", person.name(), action).isEqualTo(expected);
                if (action.equals("GetList")) {
                    Set<Long> page = new TreeSet<>();
                    for (ListSummary s : todo.lists()) {
                        page.add(s.list().id());
                    }
                    assertThat(page).as("the lists of %s", person.name()).isEqualTo(expected);
                    seen += expected.size();
                    sizes.add(expected.size());
                }
            }
        }
        // not a trivial answer: people see different numbers of lists, some but not all
        assertThat(sizes).hasSizeGreaterThan(3);
        assertThat(seen).isGreaterThan(0).isLessThan(people.size() * all.size());
    }
}
