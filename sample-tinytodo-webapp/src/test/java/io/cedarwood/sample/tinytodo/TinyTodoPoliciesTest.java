package io.cedarwood.sample.tinytodo;

import io.cedarwood.enforcement.PolicyBundle;
import io.cedarwood.enforcement.PolicyLoader;
import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.authz.Response;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;
import io.cedarwood.spring.security.CedarResourceLocations;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.cedarwood.spring.security.test.CedarAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's policies, without the application: its scenarios as assertions, and the same decisions
 * as TinyTodo's own policies (with the admin, interns and location rules enabled) for every person, action
 * and a range of lists.
 */
class TinyTodoPoliciesTest {
    private static final EntityUid APP = EntityUid.of("Application", "TinyTodo");
    private static final List<String> ACTIONS = List.of("CreateList", "GetLists", "GetList", "UpdateList",
            "DeleteList", "CreateTask", "UpdateTask", "DeleteTask", "EditShare");

    private static PolicyBundle policies() {
        return PolicyLoader.of(new CedarResourceLocations(List.of("classpath:cedar/policies.cedar"),
                "classpath:cedar/tinytodo.cedarschema"), null, false).load();
    }

    /** The application's people (its V2 migration), and kesha's list 1 shared with temps as readers. */
    private static Entity[] world() {
        return new Entity[] {
            user("kesha", "ABC17", 5, "temp"),
            user("aaron", "ABC17", 5, "interns"),
            user("emina", "DEF33", 8, "admin"),
            user("andrew", "XYZ77", 5, "admin", "temp"),
            team("temp", "list-1-readers"), team("admin"), team("interns", "temp"),
            team("list-1-readers"), team("list-1-editors"),
            list(1, "kesha"),
        };
    }

    @Test
    void anyoneButAnInternMayCreateAList() {
        assertThat(policies()).withEntities(world())
                .allows("User::\"kesha\"", "CreateList", "Application::\"TinyTodo\"").because("create-and-browse")
                .allows("User::\"andrew\"", "CreateList", "Application::\"TinyTodo\"")
                .denies("User::\"aaron\"", "CreateList", "Application::\"TinyTodo\"")
                .because("interns-cannot-create-lists")
                .allows("User::\"aaron\"", "GetLists", "Application::\"TinyTodo\"");
    }

    @Test
    void theOwnerMayDoAnythingAndReadersOnlyRead() {
        assertThat(policies()).withEntities(world())
                .allows("User::\"kesha\"", "DeleteList", "List::\"1\"").because("owner")
                .allows("User::\"kesha\"", "EditShare", "List::\"1\"").because("owner")
                .allows("User::\"aaron\"", "GetList", "List::\"1\"").because("readers-and-editors")
                .denies("User::\"aaron\"", "CreateTask", "List::\"1\"").because()
                .denies("User::\"aaron\"", "EditShare", "List::\"1\"").because();
    }

    @Test
    void adminsMayDoAnythingUnlessTheLocationRuleForbidsIt() {
        assertThat(policies()).withEntities(world())
                .allows("User::\"emina\"", "DeleteList", "List::\"1\"").because("admin-omnipotence")
                .denies("User::\"andrew\"", "GetList", "List::\"1\"").because("location")
                .withoutErrors();
    }

    @Test
    void theSameDecisionsAsTinyTodosOwnPolicies() {
        PolicySet ours = PolicySet.parse(resource("cedar/policies.cedar"));
        PolicySet theirs = PolicySet.parse(SharedTinyTodo.read("policies-all-enabled.cedar"));
        List<Entity> entities = new ArrayList<>(SharedTinyTodo.people());
        List<EntityUid> people = entities.stream().map(Entity::uid).filter(u -> u.type().name().equals("User")).toList();
        List<EntityUid> resources = new ArrayList<>(List.of(APP));
        // lists of each owner, shared with nobody, a person or a team, as readers and as editors
        List<EntityUid> members = new ArrayList<>(people);
        entities.stream().map(Entity::uid).filter(u -> u.type().name().equals("Team")).forEach(members::add);
        members.add(null);
        int id = 0;
        for (EntityUid owner : people) {
            for (EntityUid reader : members) {
                for (EntityUid editor : members) {
                    id++;
                    EntityUid readers = EntityUid.of("Team", "list-" + id + "-readers");
                    EntityUid editors = EntityUid.of("Team", "list-" + id + "-editors");
                    entities.add(new Entity(readers, Map.of(), Set.of(APP)));
                    entities.add(new Entity(editors, Map.of(), Set.of(APP)));
                    entities.replaceAll(e -> e.uid().equals(reader) ? withParent(e, readers)
                            : e.uid().equals(editor) ? withParent(e, editors) : e);
                    EntityUid list = EntityUid.of("List", Integer.toString(id));
                    entities.add(new Entity(list, Map.of("name", StringValue.of("list " + id), "owner", owner,
                            "readers", readers, "editors", editors), Set.of(APP)));
                    resources.add(list);
                }
            }
        }
        entities.add(Entity.of(APP));
        Entities store = Entities.of(entities);
        Authorizer authorizer = new Authorizer();
        int compared = 0;
        int allowed = 0;
        for (EntityUid principal : people) {
            for (String action : ACTIONS) {
                for (EntityUid resource : resources) {
                    boolean onApplication = action.equals("CreateList") || action.equals("GetLists");
                    if (onApplication != resource.equals(APP)) {
                        continue; // not a request the schema allows
                    }
                    Request request = new Request(principal, EntityUid.of("Action", action), resource);
                    Response a = authorizer.isAuthorized(request, ours, store);
                    Response b = authorizer.isAuthorized(request, theirs, store);
                    assertThat(a.decision()).as("%s", request).isEqualTo(b.decision());
                    // both files have the policies in the same order, so their parser-given ids match
                    assertThat(a.diagnostics().reason()).as("%s", request).isEqualTo(b.diagnostics().reason());
                    assertThat(a.diagnostics().errors()).as("%s", request).isEmpty();
                    compared++;
                    allowed += a.isAllowed() ? 1 : 0;
                }
            }
        }
        assertThat(compared).isGreaterThan(7000);
        assertThat(allowed).isBetween(100, compared - 100);
    }

    private static Entity withParent(Entity e, EntityUid parent) {
        Set<EntityUid> parents = new LinkedHashSet<>(e.parents());
        parents.add(parent);
        return new Entity(e.uid(), e.attributes(), parents);
    }

    private static Entity user(String name, String location, long joblevel, String... teams) {
        Set<EntityUid> parents = new LinkedHashSet<>();
        for (String t : teams) {
            parents.add(EntityUid.of("Team", t));
        }
        parents.add(APP);
        return new Entity(EntityUid.of("User", name),
                Map.<String, Value>of("location", StringValue.of(location), "joblevel", LongValue.of(joblevel)),
                parents);
    }

    private static Entity team(String name, String... teams) {
        Set<EntityUid> parents = new LinkedHashSet<>();
        for (String t : teams) {
            parents.add(EntityUid.of("Team", t));
        }
        parents.add(APP);
        return new Entity(EntityUid.of("Team", name), Map.of(), parents);
    }

    private static Entity list(long id, String owner) {
        return new Entity(EntityUid.of("List", Long.toString(id)), Map.of(
                "name", StringValue.of("list " + id),
                "owner", EntityUid.of("User", owner),
                "readers", EntityUid.of("Team", "list-" + id + "-readers"),
                "editors", EntityUid.of("Team", "list-" + id + "-editors")), Set.of(APP));
    }

    private static String resource(String name) {
        try (InputStream in = TinyTodoPoliciesTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
