package io.cedarwood.sample.tinytodo.cedar;

import io.cedarwood.enforcement.PolicyBundle;
import io.cedarwood.enforcement.RequestEntities;
import io.cedarwood.enforcement.filter.ResourceFilter;
import io.cedarwood.enforcement.filter.ResourceQuery;
import io.cedarwood.enforcement.filter.SqlFilter;
import io.cedarwood.enforcement.filter.SqlMapping;
import io.cedarwood.enforcement.filter.SqlTable;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.sample.tinytodo.todo.TodoList;
import io.cedarwood.sample.tinytodo.todo.TodoStore;
import io.cedarwood.spring.security.CedarAuthorizationService;
import io.cedarwood.spring.security.CedarContextFactory;
import io.cedarwood.spring.security.CedarPrincipalMapper;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The lists the current user may see, by one query: Cedar's policies, partially evaluated with the list
 * unknown, become an SQL condition on the {@code lists} table ({@link ResourceQuery}, {@link SqlMapping}),
 * instead of a decision per list. The answer is exactly the lists for which Cedar allows {@code GetList}; a
 * part of a policy the mapping could not express would leave its lists to a decision each (logged), never
 * show more.
 *
 * <p>The mapping says where the attributes of TinyTodo's entities are, and is checked against the schema at
 * startup: a {@code List}'s {@code owner} is a column, its {@code readers} and {@code editors} are the teams
 * of the list, every list is in {@code Application::"TinyTodo"}; a {@code User}'s {@code location} and
 * {@code joblevel} are columns of {@code users}. Team memberships need no mapping: the user is known, and so
 * are all the teams the user is in (the entities a decision reads), which become an {@code IN} list.
 */
@Component
public class VisibleLists {
    private static final EntityType LIST = EntityType.of("List");

    private final CedarAuthorizationService cedar;
    private final CedarPrincipalMapper principals;
    private final CedarContextFactory contexts;
    private final TinyTodoEntities entities;
    private final TodoStore store;
    private final Permissions permissions;
    private final Schema schema;
    private final ResourceQuery query;
    private final SqlMapping mapping;

    public VisibleLists(CedarAuthorizationService cedar, CedarPrincipalMapper principals, CedarContextFactory contexts,
            TinyTodoEntities entities, TodoStore store, Permissions permissions) {
        this.cedar = cedar;
        this.principals = principals;
        this.contexts = contexts;
        this.entities = entities;
        this.store = store;
        this.permissions = permissions;
        this.schema = cedar.policies().current().schema()
                .orElseThrow(() -> new IllegalStateException("TinyTodo's lists are filtered with its schema: set cedar.schema"));
        this.query = new ResourceQuery(schema);
        this.mapping = mapping(schema);
    }

    /** Where TinyTodo's tables hold the attributes of its entities (see {@code db/migration}). */
    static SqlMapping mapping(Schema schema) {
        return SqlMapping.builder(schema)
                .table("List", SqlTable.of("lists", "id").numericIds()
                        .column("name", "name")
                        .column("owner", "owner")
                        .join("readers", "teams", "list_id", "name", "list_role", "readers")
                        .join("editors", "teams", "list_id", "name", "list_role", "editors")
                        .ancestors(Permissions.APPLICATION))
                .table("User", SqlTable.of("users", "name").column("location", "location").column("joblevel", "joblevel"))
                .build();
    }

    /** The lists the current user may take {@code action} (an id: {@code GetList}) on, by id. */
    public List<TodoList> lists(String action) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Entity principal = principals.principal(authentication);
        if (principal == null) {
            return List.of();
        }
        PolicyBundle bundle = cedar.policies().current();
        if (!bundle.schema().map(schema::equals).orElse(false)) {
            throw new IllegalStateException("the schema changed since the lists' SQL mapping was checked: restart");
        }
        ResourceFilter filter = query.filter(principal.uid(), cedar.action(action), LIST,
                contexts.context(authentication, CedarAuthorizationService.currentRequest()), bundle.policies(),
                RequestEntities.of(principal, bundle.actionEntities(), entities));
        SqlFilter sql = mapping.toSql(filter, "l");
        if (sql.isExact()) {
            return store.lists(sql.candidates());
        }
        List<TodoList> out = new ArrayList<>();
        for (TodoStore.Filtered row : store.lists(sql.candidates(), sql.certain())) {
            if (row.certain() || permissions.allows(action, Permissions.list(row.list().id()))) {
                out.add(row.list());
            }
        }
        return out;
    }
}
