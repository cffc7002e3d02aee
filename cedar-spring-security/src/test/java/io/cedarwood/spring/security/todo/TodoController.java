package io.cedarwood.spring.security.todo;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TodoController {
    private final ListService lists;
    private final ListFinder finder;
    private final PermissionService permissions;

    TodoController(ListService lists, ListFinder finder, PermissionService permissions) {
        this.lists = lists;
        this.finder = finder;
        this.permissions = permissions;
    }

    @GetMapping("/public")
    String hello() {
        return "hello";
    }

    @GetMapping({"/api/lists/{listId}", "/matcher/lists/{listId}"})
    TodoList get(@PathVariable("listId") String listId) {
        return new TodoList(listId, "list " + listId);
    }

    @GetMapping("/api/unrouted")
    String unrouted() {
        return "never";
    }

    @DeleteMapping("/api/lists/{listId}")
    String delete(@PathVariable("listId") String listId) {
        return "deleted " + listId;
    }

    @PostMapping("/api/lists")
    String create() {
        return "created";
    }

    @GetMapping("/svc/lists/{listId}")
    TodoList serviceGet(@PathVariable("listId") String listId) {
        return lists.getList(listId);
    }

    @DeleteMapping("/svc/lists/{listId}")
    String serviceDelete(@PathVariable("listId") String listId) {
        return lists.deleteList(listId);
    }

    @GetMapping("/svc/found/{listId}")
    TodoList found(@PathVariable("listId") String listId) {
        return finder.find(listId);
    }

    @PutMapping("/svc/lists/{listId}")
    String update(@PathVariable("listId") String listId) {
        return permissions.update(listId);
    }
}
