package io.cedarwood.spring.security.todo;

import io.cedarwood.spring.security.method.CedarAuthorize;

import org.springframework.stereotype.Service;

/** Method security by annotation: the class's annotation, and a method's own. */
@Service
@CedarAuthorize(action = "GetList", resourceType = "List", resource = "#listId")
public class ListService {

    public TodoList getList(String listId) {
        return new TodoList(listId, "list " + listId);
    }

    @CedarAuthorize(action = "DeleteList", resourceType = "List", resource = "#listId")
    public String deleteList(String listId) {
        return "deleted " + listId;
    }
}
