package io.cedarwood.sample.tinytodo.todo;

/** A task list: its owner, and the teams whose members may read it and edit it. */
public record TodoList(long id, String name, String owner, String readers, String editors) {
}
