package io.cedarwood.jakarta.todo;

import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;

/** TinyTodo's lists over JAX-RS, in a full Jakarta EE server: the bean's denials become 403 by the mapper. */
@Path("lists")
public class TodoRest {
    @Inject
    ListService lists;

    @GET
    @Path("{listId}")
    @Produces(MediaType.TEXT_PLAIN)
    public String list(@PathParam("listId") String listId) {
        return lists.getList(listId);
    }

    /** The JAX-RS application at {@code /api}; resources and providers found by scanning. */
    @ApplicationPath("api")
    public static class Api extends Application {
    }
}
