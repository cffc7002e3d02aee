package io.cedarwood.jakarta.it.weld;

import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.jakarta.CedarPrincipalMapper;
import io.cedarwood.jakarta.todo.SharedTinyTodo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/** The application's own policies, schema and principal mapper, replacing the defaults of cedar-jakarta. */
@ApplicationScoped
public class TodoProducers {
    @Produces
    PolicySet policies() throws IOException {
        return PolicySet.parse(Files.readString(SharedTinyTodo.policies()));
    }

    @Produces
    Schema schema() throws IOException {
        return Schema.parseCedarSchema(Files.readString(SharedTinyTodo.schema()));
    }

    @Produces
    CedarPrincipalMapper principalMapper() {
        return CedarPrincipalMapper.byName("User", "Team", List.of("admin"));
    }
}
