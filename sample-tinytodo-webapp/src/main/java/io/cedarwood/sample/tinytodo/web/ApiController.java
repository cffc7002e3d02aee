package io.cedarwood.sample.tinytodo.web;

import io.cedarwood.sample.tinytodo.todo.ListDetails;
import io.cedarwood.sample.tinytodo.todo.ListSummary;
import io.cedarwood.sample.tinytodo.todo.Member;
import io.cedarwood.sample.tinytodo.todo.Role;
import io.cedarwood.sample.tinytodo.todo.Task;
import io.cedarwood.sample.tinytodo.todo.TodoList;
import io.cedarwood.sample.tinytodo.todo.TodoService;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** The JSON API (see the README): the same operations as the pages. */
@RestController
@RequestMapping("/api/lists")
public class ApiController {
    private final TodoService todo;

    public ApiController(TodoService todo) {
        this.todo = todo;
    }

    public record ListJson(long id, String name, String owner) {
        static ListJson of(TodoList l) {
            return new ListJson(l.id(), l.name(), l.owner());
        }
    }

    public record ListSummaryJson(long id, String name, String owner, int tasks, int done) {
    }

    public record TaskJson(long id, String name, String state) {
        static TaskJson of(Task t) {
            return new TaskJson(t.id(), t.name(), t.state());
        }
    }

    /** The users and teams a list is shared with, in one role. */
    public record SharesJson(List<String> users, List<String> teams) {
        static SharesJson of(List<Member> members) {
            return new SharesJson(
                    members.stream().filter(m -> m.kind() == Member.Kind.USER).map(Member::name).toList(),
                    members.stream().filter(m -> m.kind() == Member.Kind.TEAM).map(Member::name).toList());
        }
    }

    public record ListDetailsJson(long id, String name, String owner, List<TaskJson> tasks, SharesJson readers,
            SharesJson editors) {
        static ListDetailsJson of(ListDetails d) {
            return new ListDetailsJson(d.list().id(), d.list().name(), d.list().owner(),
                    d.tasks().stream().map(TaskJson::of).toList(), SharesJson.of(d.readers()),
                    SharesJson.of(d.editors()));
        }
    }

    public record NameJson(String name) {
    }

    public record TaskUpdateJson(String name, String state) {
    }

    @GetMapping
    public List<ListSummaryJson> lists() {
        return todo.lists().stream().map(s -> new ListSummaryJson(s.list().id(), s.list().name(),
                s.list().owner(), s.tasks(), s.done())).toList();
    }

    @PostMapping
    public ResponseEntity<ListJson> createList(@RequestBody NameJson body) {
        TodoList list = todo.createList(body.name());
        return ResponseEntity.created(URI.create("/api/lists/" + list.id())).body(ListJson.of(list));
    }

    @GetMapping("/{listId}")
    public ListDetailsJson list(@PathVariable("listId") long listId) {
        return ListDetailsJson.of(todo.list(listId));
    }

    @PutMapping("/{listId}")
    public ListJson renameList(@PathVariable("listId") long listId, @RequestBody NameJson body) {
        return ListJson.of(todo.renameList(listId, body.name()));
    }

    @DeleteMapping("/{listId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void deleteList(@PathVariable("listId") long listId) {
        todo.deleteList(listId);
    }

    @PostMapping("/{listId}/tasks")
    public ResponseEntity<TaskJson> createTask(@PathVariable("listId") long listId, @RequestBody NameJson body) {
        Task task = todo.createTask(listId, body.name());
        return ResponseEntity.created(URI.create("/api/lists/" + listId + "/tasks/" + task.id()))
                .body(TaskJson.of(task));
    }

    @PutMapping("/{listId}/tasks/{taskId}")
    public TaskJson updateTask(@PathVariable("listId") long listId, @PathVariable("taskId") long taskId,
            @RequestBody TaskUpdateJson body) {
        return TaskJson.of(todo.updateTask(listId, taskId, body.name(), body.state()));
    }

    @DeleteMapping("/{listId}/tasks/{taskId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void deleteTask(@PathVariable("listId") long listId, @PathVariable("taskId") long taskId) {
        todo.deleteTask(listId, taskId);
    }

    /** {@code PUT /api/lists/3/shares/readers/teams/temp}: team temp may now read list 3. */
    @PutMapping("/{listId}/shares/{role}/{kind}/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void share(@PathVariable("listId") long listId, @PathVariable("role") String role,
            @PathVariable("kind") String kind, @PathVariable("name") String name) {
        todo.share(listId, Role.parse(role), new Member(Member.Kind.parse(kind), name));
    }

    @DeleteMapping("/{listId}/shares/{role}/{kind}/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void unshare(@PathVariable("listId") long listId, @PathVariable("role") String role,
            @PathVariable("kind") String kind, @PathVariable("name") String name) {
        todo.unshare(listId, Role.parse(role), new Member(Member.Kind.parse(kind), name));
    }
}
