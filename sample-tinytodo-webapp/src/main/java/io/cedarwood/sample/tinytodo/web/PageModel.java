package io.cedarwood.sample.tinytodo.web;

import io.cedarwood.sample.tinytodo.cedar.DecisionRecorder;
import io.cedarwood.sample.tinytodo.cedar.Explanation;
import io.cedarwood.sample.tinytodo.todo.Person;
import io.cedarwood.sample.tinytodo.todo.TodoStore;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.List;

/** What every page shows: who is logged in, the last decision ("Why?"), a one-time notice. */
@ControllerAdvice(assignableTypes = PageController.class)
class PageModel {
    private final TodoStore store;
    private final Denials denials;

    PageModel(TodoStore store, Denials denials) {
        this.store = store;
        this.denials = denials;
    }

    /** The logged-in user, with their Cedar attributes and teams. */
    record Me(String name, String location, int joblevel, List<String> teams) {
    }

    @ModelAttribute("me")
    Me me(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return store.person(authentication.getName())
                .map((Person p) -> new Me(p.name(), p.location(), p.joblevel(),
                        store.groupsOf(p.name())))
                .orElse(null);
    }

    @ModelAttribute("why")
    Explanation why(HttpServletRequest request) {
        return denials.shown(DecisionRecorder.last(request));
    }

    @ModelAttribute("notice")
    Notices.Notice notice(HttpServletRequest request) {
        // only a page shown takes the notice; a form posted leaves it for the page it redirects to
        return "GET".equals(request.getMethod()) ? Notices.take(request) : null;
    }
}
