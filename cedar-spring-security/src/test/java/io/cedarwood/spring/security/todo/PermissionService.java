package io.cedarwood.spring.security.todo;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Existing {@code hasPermission} code, routed to Cedar. */
@Service
public class PermissionService {

    @PreAuthorize("hasPermission(#listId, 'List', 'UpdateList')")
    public String update(String listId) {
        return "updated " + listId;
    }

    @PreAuthorize("hasPermission(#list, 'GetList')")
    public String read(TodoList list) {
        return "read " + list.id();
    }
}
