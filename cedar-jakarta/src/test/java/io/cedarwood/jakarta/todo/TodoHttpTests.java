package io.cedarwood.jakarta.todo;

import io.cedarwood.jakarta.todo.RawHttp.Reply;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TinyTodo web application over real HTTP, the same tests in every container: the filter's decisions
 * (allow, deny, unauthenticated, fail closed), the path the decision is made on, and {@code @CedarAuthorize}
 * on a bean called from the servlet. kesha owns list 1, andrew reads it through a team, emina owns list 2,
 * aaron has neither.
 */
public abstract class TodoHttpTests {
    @ArquillianResource
    protected URL base;

    private Reply get(String rawTarget, String user) throws IOException {
        return RawHttp.send(base, "GET", rawTarget, user);
    }

    /** A request the filter let through was served on exactly the path and rule it decided on. */
    private static void assertServedAs(Reply reply, String path, String resource) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.body()).contains("served=" + path + "\n", "resource=" + resource + "\n", "decision=allow");
    }

    /**
     * A denial by the filter says nothing about policies or the failure; a 400 may come from the container
     * itself (its own error page), but the request never reached the application.
     */
    private static void assertNoDetails(Reply reply) {
        assertThat(reply.body()).doesNotContain("served=");
        if (reply.status() == 400) {
            return;
        }
        assertThat(reply.body()).doesNotContainIgnoringCase("policy").doesNotContain("database").doesNotContain("db.internal")
                .doesNotContain("Exception").doesNotContain("served=");
    }

    @Test
    void ownerIsAllowed() throws IOException {
        Reply reply = get("/lists/1", "kesha");
        assertServedAs(reply, "/lists/1", "List::\"1\"");
        assertThat(reply.body()).contains("route=GET /lists/{listId}", "action=Action::\"GetList\"");
    }

    @Test
    void readerThroughTeamIsAllowed() throws IOException {
        assertServedAs(get("/lists/1", "andrew"), "/lists/1", "List::\"1\"");
    }

    @Test
    void strangerIsForbiddenWithoutDetails() throws IOException {
        Reply reply = get("/lists/1", "aaron");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
        assertNoDetails(reply);
    }

    @Test
    void ownerMayNotDeleteOthersList() throws IOException {
        Reply reply = RawHttp.send(base, "DELETE", "/lists/2", "kesha");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
        assertThat(RawHttp.send(base, "DELETE", "/lists/2", "emina").status()).isEqualTo(200);
    }

    @Test
    void unauthenticatedGetsChallenge() throws IOException {
        Reply reply = get("/lists/1", null);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.headers().get("www-authenticate")).isEqualTo("Basic realm=\"todo\"");
        assertNoDetails(reply);
    }

    @Test
    void throwingEntityProviderFailsClosed() throws IOException {
        Reply reply = get("/lists/boom", "kesha");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
        assertNoDetails(reply);
    }

    @Test
    void unmatchedRouteIsDenied() throws IOException {
        Reply reply = get("/nowhere", "kesha");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
    }

    @Test
    void dotDotIsDecidedOnTheDispatchedPath() throws IOException {
        // starts like kesha's list 1 but the container serves list 2 (emina's): decided as list 2
        Reply reply = get("/lists/1/../2", "kesha");
        assertThat(reply.status()).as(reply.toString()).isIn(400, 403);
        assertNoDetails(reply);
        Reply back = get("/lists/2/../1", "kesha");
        if (back.status() != 400) {
            assertServedAs(back, "/lists/1", "List::\"1\"");
        }
        assertThat(get("/lists/2/../1", "aaron").status()).isIn(400, 403);
    }

    @Test
    void dotDotWithPathParameterIsNotASideDoor() throws IOException {
        Reply reply = get("/lists/1/..;/2", "kesha");
        assertThat(reply.status()).as(reply.toString()).isIn(400, 403, 404);
        assertNoDetails(reply);
    }

    @Test
    void doubleSlashIsRejectedOrCollapsed() throws IOException {
        Reply reply = get("/lists//1", "kesha");
        if (reply.status() != 400) {
            assertServedAs(reply, "/lists/1", "List::\"1\"");
        }
        assertThat(get("/lists//1", "aaron").status()).isIn(400, 403);
        assertThat(get("//lists/1", "aaron").status()).isIn(400, 403);
    }

    @Test
    void sessionIdPathParameterIsNotPartOfTheDecision() throws IOException {
        Reply reply = get("/lists/1;jsessionid=0123456789ABCDEF", "kesha");
        if (reply.status() != 400) {
            assertServedAs(reply, "/lists/1", "List::\"1\"");
        }
        assertThat(get("/lists/1;jsessionid=0123456789ABCDEF", "aaron").status()).isIn(400, 403);
        assertThat(get("/lists;x=y/2", "kesha").status()).isIn(400, 403);
    }

    @Test
    void encodedSlashIsRejected() throws IOException {
        assertThat(get("/lists/1%2F..%2F2", "kesha").status()).isEqualTo(400);
        assertThat(get("/lists/2%2f..%2f1", "kesha").status()).isEqualTo(400);
    }

    @Test
    void encodedDotsNeverReachAnotherRule() throws IOException {
        Reply reply = get("/lists/1/%2e%2e/2", "kesha");
        assertThat(reply.status()).as(reply.toString()).isIn(400, 403);
        assertNoDetails(reply);
        assertThat(get("/lists/1/%2E%2E/2", "kesha").status()).isIn(400, 403);
        // an encoded ordinary character is the same path, decided and served alike
        assertServedAs(get("/lists/%31", "kesha"), "/lists/1", "List::\"1\"");
    }

    @Test
    void routeMatchingIsCaseSensitiveLikeTheServletMapping() throws IOException {
        // the servlet (mapped to /*) serves /LISTS/1 too, but it is not /lists/{listId}: no route, denied
        Reply reply = get("/LISTS/1", "kesha");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
        assertThat(get("/Lists/1", "kesha").status()).isEqualTo(403);
    }

    @Test
    void trailingSlashIsAnotherPath() throws IOException {
        assertThat(get("/lists/1/", "kesha").status()).isEqualTo(403);
        assertServedAs(get("/lists", "kesha"), "/lists", "Application::\"TinyTodo\"");
        assertThat(get("/lists/", "kesha").status()).isEqualTo(403);
    }

    @Test
    void beanCalledFromServletIsAuthorizedByCedarAuthorize() throws IOException {
        Reply allowed = get("/cdi/lists/1", "kesha");
        assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
        assertThat(allowed.body()).contains("bean=list 1");

        // the filter lets aaron through (any user may GetLists), the interceptor then denies GetList on list 1
        Reply denied = get("/cdi/lists/1", "aaron");
        assertThat(denied.status()).as(denied.toString()).isEqualTo(403);
        assertThat(denied.body()).contains("decision=allow", "bean=denied User::\"aaron\" Action::\"GetList\"")
                .doesNotContain("bean=list");
    }
}
