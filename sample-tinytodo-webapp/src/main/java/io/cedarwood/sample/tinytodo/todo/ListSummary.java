package io.cedarwood.sample.tinytodo.todo;

/** A list with how many tasks it has and how many are done. */
public record ListSummary(TodoList list, int tasks, int done) {
}
