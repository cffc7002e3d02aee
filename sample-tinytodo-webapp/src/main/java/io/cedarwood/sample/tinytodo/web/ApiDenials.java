package io.cedarwood.sample.tinytodo.web;

import io.cedarwood.sample.tinytodo.cedar.Explanation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON API's answers to requests Spring Security stops: 401 with a Basic challenge when nobody is
 * logged in (or the password is wrong), 403 with Cedar's explanation when the user may not (as much of it
 * as {@link Denials#shown} tells).
 */
@Component
public class ApiDenials implements AuthenticationEntryPoint, AccessDeniedHandler {
    private final Denials denials;
    private final JsonMapper json;

    public ApiDenials(Denials denials, JsonMapper json) {
        this.denials = denials;
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"TinyTodo\"");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "unauthenticated");
        body.put("message", "log in: HTTP Basic with a user name and password");
        write(response, HttpServletResponse.SC_UNAUTHORIZED, body);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        Explanation explanation = denials.explain(denied);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "forbidden");
        body.put("message", Denials.sentence(explanation));
        if (explanation != null) {
            body.put("decision", Denials.forApi(explanation));
        }
        write(response, HttpServletResponse.SC_FORBIDDEN, body);
    }

    private void write(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(body));
    }
}
