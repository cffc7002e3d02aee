package io.cedarwood.jakarta.servlet;

import io.cedarwood.enforcement.PathPatterns;
import io.cedarwood.enforcement.RouteTable;
import io.cedarwood.enforcement.Target;
import io.cedarwood.engine.value.EntityUid;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The core route table with the segment patterns the filter uses. */
class CedarRoutesTest {
    private final RouteTable routes = RouteTable.parse("""
            # comment
            GET    /lists                  Action::"GetLists"    Application::"TinyTodo"
            GET    /lists/{listId}         Action::"GetList"     List::"{listId}"   # trailing comment
            *      /lists/{listId}/tasks/{taskId}  Action::"UpdateTask"  Task::"{listId}/{taskId}"
            GET    /files/{*path}          Ns::Action::"Read"    Ns::File::"{path}"
            """, PathPatterns.segments());

    @Test
    void resolveWhenTemplateMatchesThenVariablesFillTheResource() {
        Target t = routes.resolve("GET", "/lists/7").orElseThrow();
        assertThat(t.action()).isEqualTo(EntityUid.of("Action", "GetList"));
        assertThat(t.resource()).isEqualTo(EntityUid.of("List", "7"));
        assertThat(t.route()).isEqualTo("GET /lists/{listId}");
        assertThat(routes.resolve("PUT", "/lists/7/tasks/3").orElseThrow().resource()).isEqualTo(EntityUid.of("Task", "7/3"));
    }

    @Test
    void resolveWhenCaseOrTrailingSlashDiffersThenNoRoute() {
        assertThat(routes.resolve("GET", "/LISTS/7")).isEmpty();
        assertThat(routes.resolve("GET", "/lists/7/")).isEmpty();
        assertThat(routes.resolve("GET", "/lists/")).isEmpty();
        assertThat(routes.resolve("GET", "/lists//7")).isEmpty();
        assertThat(routes.resolve("POST", "/lists/7")).isEmpty();
        assertThat(routes.resolve("get", "/lists/7")).isEmpty();
    }

    @Test
    void resolveWhenRestVariableThenRemainingSegments() {
        Target t = routes.resolve("GET", "/files/a/b.txt").orElseThrow();
        assertThat(t.action()).isEqualTo(EntityUid.of("Ns::Action", "Read"));
        assertThat(t.resource()).isEqualTo(EntityUid.of("Ns::File", "a/b.txt"));
        assertThat(routes.resolve("GET", "/files").orElseThrow().resource().id()).isEmpty();
    }

    @Test
    void parseWhenResourceUsesUnknownVariableThenErrorNamesTheLine() {
        assertThatThrownBy(() -> RouteTable.parse("\nGET /lists/{id} Action::\"GetList\" List::\"{listId}\"", PathPatterns.segments()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2").hasMessageContaining("{listId}");
        assertThatThrownBy(() -> RouteTable.parse("GET /lists GetList", PathPatterns.segments()))
                .hasMessageContaining("expected `METHOD PATH ACTION RESOURCE`");
        assertThatThrownBy(() -> RouteTable.parse("GET lists Action::\"A\" R::\"x\"", PathPatterns.segments()))
                .hasMessageContaining("does not begin with `/`");
    }
}
