package io.cedarwood.spring.security.todo;

public record TodoList(String id, String name) {
}
