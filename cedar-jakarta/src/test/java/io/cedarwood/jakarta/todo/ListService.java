package io.cedarwood.jakarta.todo;

import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.jakarta.cdi.CedarAuthorize;
import io.cedarwood.jakarta.cdi.CedarResource;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicInteger;

/** A CDI bean whose methods Cedar guards; {@link #BODIES} counts the method bodies that ran. */
@ApplicationScoped
@CedarAuthorize(action = "GetLists", resource = "Application::\"TinyTodo\"")
public class ListService {
    public static final AtomicInteger BODIES = new AtomicInteger();

    @CedarAuthorize(action = "Action::\"GetList\"", resource = "List::\"{listId}\"")
    public String getList(String listId) {
        BODIES.incrementAndGet();
        return "list " + listId;
    }

    @CedarAuthorize(action = "UpdateList", resource = "List::\"{id}\"", context = {"newName=name"})
    public String rename(@CedarResource("id") String listId, String name) {
        BODIES.incrementAndGet();
        return "renamed " + listId + " to " + name;
    }

    @CedarAuthorize(action = "DeleteList")
    public String delete(@CedarResource EntityUid list) {
        BODIES.incrementAndGet();
        return "deleted " + list.id();
    }

    /** Guarded by the class's annotation: any user may list lists. */
    public String lists() {
        BODIES.incrementAndGet();
        return "lists";
    }

    @CedarAuthorize(action = "GetList", resource = "List::\"{nosuch}\"")
    public String misconfigured(String listId) {
        BODIES.incrementAndGet();
        return "never";
    }
}
