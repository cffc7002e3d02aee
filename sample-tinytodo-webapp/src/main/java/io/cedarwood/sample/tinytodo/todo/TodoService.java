package io.cedarwood.sample.tinytodo.todo;

import io.cedarwood.sample.tinytodo.cedar.VisibleLists;
import io.cedarwood.spring.security.method.CedarAuthorize;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;

/**
 * TinyTodo's operations. Each asks Cedar first ({@link CedarAuthorize}): the principal is the logged-in
 * user, the action and resource are the annotation's; a denial throws {@code AuthorizationDeniedException}
 * before the method runs. The web layer asks Cedar too, per request: this is the second line, which also
 * guards callers that are not web requests.
 *
 * <p>Task actions are about the list (the resource is {@code List::"<listId>"}), so a task is always
 * looked up within its list: a task id of another list is not found.
 */
@Service
@Transactional
public class TodoService {
    static final int MAX_NAME = 200;

    private final TodoStore store;
    private final VisibleLists visible;

    public TodoService(TodoStore store, VisibleLists visible) {
        this.store = store;
        this.visible = visible;
    }

    /**
     * The lists the user may see: as in TinyTodo, every list for which Cedar allows {@code GetList}, by one
     * query whose condition comes from the policies ({@link VisibleLists}).
     */
    @CedarAuthorize(action = "GetLists", resourceType = "Application", resource = "'TinyTodo'")
    @Transactional(readOnly = true)
    public List<ListSummary> lists() {
        Map<Long, int[]> counts = store.taskCounts();
        return visible.lists("GetList").stream()
                .map(l -> {
                    int[] c = counts.getOrDefault(l.id(), new int[2]);
                    return new ListSummary(l, c[0], c[1]);
                })
                .toList();
    }

    /** A new list, owned by the logged-in user. */
    @CedarAuthorize(action = "CreateList", resourceType = "Application", resource = "'TinyTodo'")
    public TodoList createList(String name) {
        return store.createList(currentUser(), checkName(name, "list"));
    }

    @CedarAuthorize(action = "GetList", resourceType = "List", resource = "#listId")
    @Transactional(readOnly = true)
    public ListDetails list(long listId) {
        TodoList list = find(listId);
        return new ListDetails(list, store.tasks(listId), store.members(list.readers()), store.members(list.editors()));
    }

    @CedarAuthorize(action = "UpdateList", resourceType = "List", resource = "#listId")
    public TodoList renameList(long listId, String name) {
        TodoList list = find(listId);
        String newName = checkName(name, "list");
        store.renameList(listId, newName);
        return new TodoList(listId, newName, list.owner(), list.readers(), list.editors());
    }

    @CedarAuthorize(action = "DeleteList", resourceType = "List", resource = "#listId")
    public void deleteList(long listId) {
        find(listId);
        store.deleteList(listId);
    }

    @CedarAuthorize(action = "CreateTask", resourceType = "List", resource = "#listId")
    public Task createTask(long listId, String name) {
        find(listId);
        return store.createTask(listId, checkName(name, "task"));
    }

    /**
     * Renames a task or changes its state.
     *
     * @param name the new name, or {@code null} to keep it
     * @param state {@code checked} or {@code unchecked}, or {@code null} to keep it
     */
    @CedarAuthorize(action = "UpdateTask", resourceType = "List", resource = "#listId")
    public Task updateTask(long listId, long taskId, String name, String state) {
        Task task = findTask(listId, taskId);
        String newName = name == null ? task.name() : checkName(name, "task");
        String newState = state == null ? task.state() : checkState(state);
        Task updated = new Task(taskId, listId, newName, newState);
        store.updateTask(updated);
        return updated;
    }

    /** Ticks a task off, or unticks it. */
    @CedarAuthorize(action = "UpdateTask", resourceType = "List", resource = "#listId")
    public Task toggleTask(long listId, long taskId) {
        Task task = findTask(listId, taskId);
        Task updated = new Task(taskId, listId, task.name(), task.done() ? Task.UNCHECKED : Task.CHECKED);
        store.updateTask(updated);
        return updated;
    }

    @CedarAuthorize(action = "DeleteTask", resourceType = "List", resource = "#listId")
    public void deleteTask(long listId, long taskId) {
        findTask(listId, taskId);
        store.deleteTask(listId, taskId);
    }

    /** Shares the list with a user or a team (temp, admin, interns), as a reader or an editor. */
    @CedarAuthorize(action = "EditShare", resourceType = "List", resource = "#listId")
    public void share(long listId, Role role, Member member) {
        TodoList list = find(listId);
        checkShareable(member);
        store.addMember(team(list, role), member);
    }

    /** Takes back what {@link #share} gave. */
    @CedarAuthorize(action = "EditShare", resourceType = "List", resource = "#listId")
    public void unshare(long listId, Role role, Member member) {
        TodoList list = find(listId);
        if (!store.removeMember(team(list, role), member)) {
            throw new NotFoundException("list " + listId + " is not shared with " + describe(member) + " as "
                    + (role == Role.READER ? "a reader" : "an editor"));
        }
    }

    /** Who may be shared with: every user, and the teams people belong to. */
    @Transactional(readOnly = true)
    public List<Person> people() {
        return store.people();
    }

    @Transactional(readOnly = true)
    public List<String> groups() {
        return store.groups();
    }

    private static String team(TodoList list, Role role) {
        return role == Role.READER ? list.readers() : list.editors();
    }

    private void checkShareable(Member member) {
        boolean exists = member.kind() == Member.Kind.USER ? store.person(member.name()).isPresent()
                : store.isGroup(member.name());
        if (!exists) {
            throw new NotFoundException("there is no " + describe(member));
        }
    }

    private static String describe(Member member) {
        return (member.kind() == Member.Kind.USER ? "user" : "team") + " `" + member.name() + "`";
    }

    private TodoList find(long listId) {
        return store.list(listId).orElseThrow(() -> new NotFoundException("there is no list " + listId));
    }

    private Task findTask(long listId, long taskId) {
        find(listId);
        return store.task(listId, taskId)
                .orElseThrow(() -> new NotFoundException("list " + listId + " has no task " + taskId));
    }

    private static String checkName(String name, String what) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new BadRequestException("a " + what + " needs a name");
        }
        if (trimmed.length() > MAX_NAME) {
            throw new BadRequestException("a " + what + " name has at most " + MAX_NAME + " characters");
        }
        return trimmed;
    }

    private static String checkState(String state) {
        if (!Task.CHECKED.equals(state) && !Task.UNCHECKED.equals(state)) {
            throw new BadRequestException("a task's state is `checked` or `unchecked`, not `" + state + "`");
        }
        return state;
    }

    private static String currentUser() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
