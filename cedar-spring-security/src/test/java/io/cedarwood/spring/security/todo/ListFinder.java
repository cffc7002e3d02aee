package io.cedarwood.spring.security.todo;

import io.cedarwood.spring.security.method.CedarPostAuthorize;

import org.springframework.stereotype.Service;

/** Method security about the returned object, which the application's resource resolver maps to a uid. */
@Service
public class ListFinder {

    @CedarPostAuthorize(action = "GetList", resource = "#returnObject")
    public TodoList find(String listId) {
        return new TodoList(listId, "found " + listId);
    }
}
