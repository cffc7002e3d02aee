package io.cedarwood.sample.tinytodo.web;

import io.cedarwood.sample.tinytodo.cedar.DecisionRecorder;
import io.cedarwood.sample.tinytodo.cedar.Explanation;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages' answer to a logged-in user whom Cedar denies: a page they asked for becomes the friendly
 * "not allowed" page (status 403) with the "Why?" panel; a form they sent takes them back where they were,
 * with a "not allowed" notice (the "Why?" panel there explains it).
 */
@Component
public class PageDenials implements AccessDeniedHandler {
    private static final Pattern LIST_PATH = Pattern.compile("^/lists/(\\d+)(/.*)?$");

    private final Denials denials;

    public PageDenials(Denials denials) {
        this.denials = denials;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        Explanation explanation = denials.explain(denied);
        if (explanation != null) {
            request.setAttribute(DecisionRecorder.LAST_DECISION, explanation);
        }
        String sentence = Denials.sentence(explanation);
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            request.setAttribute(PageController.DENIED_MESSAGE, sentence);
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            request.getRequestDispatcher("/denied").forward(request, response);
        } else {
            // "Why?" explains only what Cedar decided: not an expired form
            Notices.denied(request, explanation == null ? sentence : sentence + " See “Why?” for the reason.");
            response.sendRedirect(request.getContextPath() + back(request));
        }
    }

    /** The page a denied form was on: its list's page, or the home page. */
    static String back(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher m = LIST_PATH.matcher(path);
        return m.matches() ? "/lists/" + m.group(1) : "/";
    }
}
