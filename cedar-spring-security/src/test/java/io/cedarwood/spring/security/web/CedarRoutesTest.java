package io.cedarwood.spring.security.web;

import io.cedarwood.engine.value.EntityUid;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CedarRoutesTest {
    private final CedarRoutes routes = CedarRoutes.builder()
            .route("GET", "/lists/{listId}", "GetList", "List", "{listId}")
            .route("DELETE", "/lists/{listId}", "DeleteList", "List", "{listId}")
            .route("GET", "/lists/{listId}/tasks/{taskId}", "GetTask", "Task", "{listId}/{taskId}")
            .route("*", "/admin/**", "Admin", "Application", "todo")
            .actionType("Other::Action")
            .route("GET", "/other", "Ns::Action::\"explicit\"", "Application", "todo")
            .route("GET", "/other", "never", "Application", "todo")
            .build();

    private CedarTarget resolve(String method, String uri) {
        return routes.resolve(new RequestAuthorizationContext(new MockHttpServletRequest(method, uri)));
    }

    @Test
    void methodAndPathPickTheActionAndTheVariablesTheResource() {
        assertThat(resolve("GET", "/lists/7")).isEqualTo(new CedarTarget(EntityUid.of("Action", "GetList"), EntityUid.of("List", "7")));
        assertThat(resolve("DELETE", "/lists/7").action()).isEqualTo(EntityUid.of("Action", "DeleteList"));
        assertThat(resolve("GET", "/lists/7/tasks/3").resource()).isEqualTo(EntityUid.of("Task", "7/3"));
    }

    @Test
    void anyMethodAndWildcards() {
        assertThat(resolve("POST", "/admin/users/1").action()).isEqualTo(EntityUid.of("Action", "Admin"));
    }

    @Test
    void firstMatchWinsAndActionTypesApplyToLaterRoutes() {
        assertThat(resolve("GET", "/other").action()).isEqualTo(EntityUid.of("Ns::Action", "explicit"));
    }

    @Test
    void noRouteIsNull() {
        assertThat(resolve("PUT", "/lists/7")).isNull();
        assertThat(resolve("GET", "/elsewhere")).isNull();
    }

    @Test
    void pathIsWithinTheApplicationAndVariablesAreDecoded() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/app/lists/a%20b");
        request.setContextPath("/app");
        assertThat(routes.resolve(new RequestAuthorizationContext(request)).resource()).isEqualTo(EntityUid.of("List", "a b"));
    }

    @Test
    void theResourceIdMayOnlyUseThePathsVariables() {
        assertThatThrownBy(() -> CedarRoutes.builder().route("GET", "/lists/{id}", "GetList", "List", "{listId}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("`{listId}`");
        assertThatThrownBy(() -> CedarRoutes.builder().route("GET", "/lists/{id}", "GetList", "List", "{id"))
                .hasMessageContaining("unmatched brace");
        assertThatThrownBy(() -> CedarRoutes.builder().route("GET", "/lists/{id}", "GetList", "Not A Type", "{id}"))
                .isInstanceOf(RuntimeException.class);
    }
}
