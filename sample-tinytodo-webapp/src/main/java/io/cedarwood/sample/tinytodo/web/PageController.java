package io.cedarwood.sample.tinytodo.web;

import io.cedarwood.sample.tinytodo.cedar.Explanation;
import io.cedarwood.sample.tinytodo.cedar.Permissions;
import io.cedarwood.sample.tinytodo.todo.BadRequestException;
import io.cedarwood.sample.tinytodo.todo.ListDetails;
import io.cedarwood.sample.tinytodo.todo.ListSummary;
import io.cedarwood.sample.tinytodo.todo.Member;
import io.cedarwood.sample.tinytodo.todo.NotFoundException;
import io.cedarwood.sample.tinytodo.todo.Role;
import io.cedarwood.sample.tinytodo.todo.TodoList;
import io.cedarwood.sample.tinytodo.todo.TodoService;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.util.List;
import java.util.Map;

/**
 * The pages. Each form posts to its own path, which the route table maps to a Cedar action; the service
 * asks Cedar again. Buttons for actions Cedar would deny are disabled, with the reason as their tooltip.
 */
@Controller
public class PageController {
    static final String DENIED_MESSAGE = "tinytodo.deniedMessage";

    /** What each demo person shows about Cedar's policies. */
    private static final Map<String, String> DEMO_NOTES = Map.of(
            "kesha", "A temp. Creates lists and shares them.",
            "aaron", "An intern: interns may not create lists.",
            "emina", "An admin, senior, at a DEF site: may do anything.",
            "andrew", "An admin, but at XYZ77: the location rule keeps him out of other sites' lists.");

    private final TodoService todo;
    private final Permissions permissions;

    public PageController(TodoService todo, Permissions permissions) {
        this.todo = todo;
        this.permissions = permissions;
    }

    @GetMapping("/login")
    public String login(Model model) {
        model.addAttribute("people", todo.people());
        model.addAttribute("notes", DEMO_NOTES);
        return "login";
    }

    @GetMapping("/")
    public String home(Authentication authentication, Model model) {
        List<ListSummary> lists = todo.lists();
        String me = authentication.getName();
        model.addAttribute("mine", lists.stream().filter(s -> s.list().owner().equals(me)).toList());
        model.addAttribute("shared", lists.stream().filter(s -> !s.list().owner().equals(me)).toList());
        model.addAttribute("createList", permissions.explain("CreateList", Permissions.APPLICATION));
        return "home";
    }

    @PostMapping("/lists")
    public String createList(@RequestParam("name") String name, HttpServletRequest request) {
        TodoList list = todo.createList(name);
        Notices.done(request, "Created “" + list.name() + "”. Add tasks, then share it.");
        return "redirect:/lists/" + list.id();
    }

    @GetMapping("/lists/{listId}")
    public String list(@PathVariable("listId") long listId, Model model) {
        ListDetails details = todo.list(listId);
        Map<String, Explanation> may = permissions.onList(listId);
        model.addAttribute("details", details);
        model.addAttribute("may", may);
        model.addAttribute("people", todo.people());
        model.addAttribute("groups", todo.groups());
        return "list";
    }

    @PostMapping("/lists/{listId}/name")
    public String renameList(@PathVariable("listId") long listId, @RequestParam("name") String name,
            HttpServletRequest request) {
        TodoList list = todo.renameList(listId, name);
        Notices.done(request, "Renamed to “" + list.name() + "”.");
        return "redirect:/lists/" + listId;
    }

    @PostMapping("/lists/{listId}/delete")
    public String deleteList(@PathVariable("listId") long listId, HttpServletRequest request) {
        todo.deleteList(listId);
        Notices.done(request, "Deleted the list.");
        return "redirect:/";
    }

    @PostMapping("/lists/{listId}/tasks")
    public String createTask(@PathVariable("listId") long listId, @RequestParam("name") String name) {
        todo.createTask(listId, name);
        return "redirect:/lists/" + listId;
    }

    @PostMapping("/lists/{listId}/tasks/{taskId}/toggle")
    public String toggleTask(@PathVariable("listId") long listId, @PathVariable("taskId") long taskId) {
        todo.toggleTask(listId, taskId);
        return "redirect:/lists/" + listId;
    }

    @PostMapping("/lists/{listId}/tasks/{taskId}/delete")
    public String deleteTask(@PathVariable("listId") long listId, @PathVariable("taskId") long taskId) {
        todo.deleteTask(listId, taskId);
        return "redirect:/lists/" + listId;
    }

    /** {@code who} is {@code team:temp} or {@code user:aaron}. */
    @PostMapping("/lists/{listId}/shares")
    public String share(@PathVariable("listId") long listId, @RequestParam("who") String who,
            @RequestParam("role") String role, HttpServletRequest request) {
        Member member = member(who);
        Role r = Role.parse(role);
        todo.share(listId, r, member);
        Notices.done(request, "Shared with " + label(member) + " as " + (r == Role.READER ? "a reader." : "an editor."));
        return "redirect:/lists/" + listId;
    }

    @PostMapping("/lists/{listId}/shares/remove")
    public String unshare(@PathVariable("listId") long listId, @RequestParam("who") String who,
            @RequestParam("role") String role, HttpServletRequest request) {
        Member member = member(who);
        todo.unshare(listId, Role.parse(role), member);
        Notices.done(request, "No longer shared with " + label(member) + ".");
        return "redirect:/lists/" + listId;
    }

    /** Where {@link PageDenials} sends a page request that Cedar denied. */
    @GetMapping("/denied")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    public String denied(HttpServletRequest request, Model model) {
        Object message = request.getAttribute(DENIED_MESSAGE);
        model.addAttribute("message", message != null ? message : "You may not do that.");
        return "denied";
    }

    @ExceptionHandler(BadRequestException.class)
    public String badRequest(BadRequestException e, HttpServletRequest request) {
        Notices.denied(request, capitalized(e.getMessage()) + ".");
        return "redirect:" + PageDenials.back(request);
    }

    @ExceptionHandler(NotFoundException.class)
    public String notFound(NotFoundException e, HttpServletRequest request) {
        Notices.denied(request, capitalized(e.getMessage()) + ".");
        return "redirect:/";
    }

    private static Member member(String who) {
        int colon = who.indexOf(':');
        if (colon < 0) {
            throw new BadRequestException("choose whom to share with");
        }
        return new Member(Member.Kind.parse(who.substring(0, colon)), who.substring(colon + 1));
    }

    private static String label(Member m) {
        return (m.kind() == Member.Kind.USER ? "" : "team ") + m.name();
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

}
