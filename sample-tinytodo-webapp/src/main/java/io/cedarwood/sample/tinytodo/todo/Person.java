package io.cedarwood.sample.tinytodo.todo;

/** Someone who uses TinyTodo, with what the location rule looks at. */
public record Person(String name, String location, int joblevel) {
}
