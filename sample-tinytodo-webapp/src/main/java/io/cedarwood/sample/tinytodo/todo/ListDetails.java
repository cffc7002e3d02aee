package io.cedarwood.sample.tinytodo.todo;

import java.util.List;

/** A list with its tasks and the people and teams it is shared with. */
public record ListDetails(TodoList list, List<Task> tasks, List<Member> readers, List<Member> editors) {
}
