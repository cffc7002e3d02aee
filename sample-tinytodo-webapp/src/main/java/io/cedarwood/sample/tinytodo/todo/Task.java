package io.cedarwood.sample.tinytodo.todo;

/** A task of a list; its state is {@code checked} or {@code unchecked}, as in TinyTodo. */
public record Task(long id, long listId, String name, String state) {
    public static final String CHECKED = "checked";
    public static final String UNCHECKED = "unchecked";

    public boolean done() {
        return CHECKED.equals(state);
    }
}
