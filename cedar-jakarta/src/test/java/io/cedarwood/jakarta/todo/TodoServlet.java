package io.cedarwood.jakarta.todo;

import io.cedarwood.enforcement.EnforcementDecision;
import io.cedarwood.enforcement.Target;
import io.cedarwood.jakarta.CedarAccessDeniedException;
import io.cedarwood.jakarta.servlet.CedarAuthorizationFilter;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The test application's only servlet, mapped to {@code /*}: it answers with the path the container
 * dispatched to it and the route and decision the Cedar filter left on the request, and under
 * {@code /cdi/lists/{id}} calls the {@code @CedarAuthorize} bean {@link ListService}.
 */
public class TodoServlet extends HttpServlet {
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String served = (request.getServletPath() == null ? "" : request.getServletPath())
                + (request.getPathInfo() == null ? "" : request.getPathInfo());
        response.setContentType("text/plain;charset=UTF-8");
        StringBuilder body = new StringBuilder();
        body.append("served=").append(served).append('\n');
        if (request.getAttribute(CedarAuthorizationFilter.TARGET_ATTRIBUTE) instanceof Target t) {
            body.append("route=").append(t.route()).append('\n');
            body.append("action=").append(t.action().toCedar()).append('\n');
            body.append("resource=").append(t.resource().toCedar()).append('\n');
        }
        if (request.getAttribute(CedarAuthorizationFilter.DECISION_ATTRIBUTE) instanceof EnforcementDecision d) {
            body.append("decision=").append(d.isGranted() ? "allow" : "deny").append('\n');
        }
        if (served.startsWith("/cdi/lists/")) {
            String id = served.substring("/cdi/lists/".length());
            ListService lists = CDI.current().select(ListService.class).get();
            try {
                body.append("bean=").append(lists.getList(id)).append('\n');
            } catch (CedarAccessDeniedException e) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                body.append("bean=denied ").append(e.decision().principal().map(p -> p.toCedar()).orElse("-"))
                        .append(' ').append(e.decision().action().map(a -> a.toCedar()).orElse("-")).append('\n');
            }
        }
        response.getWriter().write(body.toString());
    }
}
