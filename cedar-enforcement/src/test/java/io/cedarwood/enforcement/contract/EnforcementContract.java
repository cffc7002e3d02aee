package io.cedarwood.enforcement.contract;

import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.json.CedarJson;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.DatetimeValue;
import io.cedarwood.engine.value.IpAddrValue;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every entry point of every integration keeps: with the same policies, schema, entities,
 * routes (or annotated methods) and requests, the same decision, the same determining policies and the same
 * context. An integration's test extends this class once per entry point, sets its entry point up from the
 * constants below (principal {@code User::"<name>"} with each of {@link #ROLES} the caller has as a parent
 * {@code Role::"<role>"}; the clock {@link #CLOCK}; the remote address {@code 127.0.0.1}, plain HTTP) and
 * implements {@link #ask}.
 */
public abstract class EnforcementContract {
    public static final String SCHEMA = """
            entity Role;
            entity User in [Role];
            entity Doc { owner: User, secret: Bool };
            action read appliesTo { principal: User, resource: Doc, context: {} };
            action view in [read] appliesTo { principal: User, resource: Doc, context: {} };
            action edit appliesTo { principal: User, resource: Doc, context: {} };
            action delete appliesTo { principal: User, resource: Doc, context: {} };
            """;

    public static final String POLICIES = """
            @id("readers")
            permit(principal in Role::"viewer", action in Action::"read", resource);

            @id("owners")
            permit(principal, action, resource) when { resource.owner == principal };

            @id("secret")
            forbid(principal, action, resource) when { resource.secret }
              unless { principal in Role::"admin" };
            """;

    public static final String ENTITIES = """
            [
              {"uid": {"type": "Doc", "id": "1"}, "attrs": {"owner": {"__entity": {"type": "User", "id": "bob"}}, "secret": false}, "parents": []},
              {"uid": {"type": "Doc", "id": "2"}, "attrs": {"owner": {"__entity": {"type": "User", "id": "alice"}}, "secret": true}, "parents": []},
              {"uid": {"type": "User", "id": "carol"}, "attrs": {}, "parents": [{"type": "Role", "id": "viewer"}, {"type": "Role", "id": "admin"}]}
            ]
            """;

    /** The route file: the same requests as {@link #METHODS}. */
    public static final String ROUTES = """
            GET     /docs/{docId}        Action::"view"     Doc::"{docId}"
            PUT     /docs/{docId}        Action::"edit"     Doc::"{docId}"
            DELETE  /docs/{docId}        Action::"delete"   Doc::"{docId}"
            """;

    /** The annotated methods an integration declares: name, action id, resource uid template over the argument {@code docId}. */
    public static final List<List<String>> METHODS = List.of(
            List.of("view", "view", "Doc::\"{docId}\""),
            List.of("edit", "edit", "Doc::\"{docId}\""),
            List.of("delete", "delete", "Doc::\"{docId}\""));

    /** The roles an integration maps to parents (the servlet API can only test named roles). */
    public static final List<String> ROLES = List.of("viewer", "admin");

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC);

    public static Entities entities() {
        return Entities.of(CedarJson.readEntities(ENTITIES));
    }

    public static List<ContractCase> cases() {
        return List.of(
                new ContractCase("a schema action group: view is in read", "alice", List.of("viewer"), "GET", "/docs/1",
                        "view", "1", true, Set.of("readers")),
                new ContractCase("no role, not the owner", "dave", List.of(), "GET", "/docs/1", "view", "1", false, Set.of()),
                new ContractCase("the owner may edit", "bob", List.of(), "PUT", "/docs/1", "edit", "1", true, Set.of("owners")),
                new ContractCase("a group member may not edit", "alice", List.of("viewer"), "PUT", "/docs/1", "edit", "1",
                        false, Set.of()),
                new ContractCase("forbid beats the owner", "alice", List.of("viewer"), "DELETE", "/docs/2", "delete", "2",
                        false, Set.of("secret")),
                new ContractCase("the application's parents count: carol is a viewer and admin", "carol", List.of(), "GET",
                        "/docs/2", "view", "2", true, Set.of("readers")),
                new ContractCase("an admin role from the framework lifts the forbid", "erin", List.of("viewer", "admin"),
                        "GET", "/docs/2", "view", "2", true, Set.of("readers")),
                new ContractCase("a missing entity denies", "alice", List.of("viewer"), "PUT", "/docs/9", "edit", "9",
                        false, Set.of()),
                new ContractCase("unauthenticated", null, List.of(), "GET", "/docs/1", "view", "1", false, Set.of()));
    }

    /** The context of an HTTP entry point for {@code c}. */
    public static RecordValue httpContext(ContractCase c) {
        Map<String, Value> m = new LinkedHashMap<>();
        m.put("time", new DatetimeValue(CLOCK.millis()));
        m.put("clientIp", IpAddrValue.parse("127.0.0.1"));
        m.put("method", StringValue.of(c.httpMethod()));
        m.put("path", StringValue.of(c.path()));
        m.put("secure", BoolValue.FALSE);
        return RecordValue.of(m);
    }

    /** The context of a method entry point called outside a web request. */
    public static RecordValue methodContext() {
        return RecordValue.of(Map.of("time", new DatetimeValue(CLOCK.millis())));
    }

    /** Whether this entry point is reached over HTTP (and so sets the HTTP context keys). */
    protected abstract boolean http();

    /** Runs the case through the entry point. */
    protected abstract Observed ask(ContractCase c) throws Exception;

    @TestFactory
    Stream<DynamicTest> everyEntryPointDecidesAlike() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> assertKept(c, ask(c), http())));
    }

    /**
     * Asserts that an entry point kept the contract for {@code c}; for test runners that cannot run
     * {@link #everyEntryPointDecidesAlike} (an in-container test calls this for each of {@link #cases()}).
     */
    public static void assertKept(ContractCase c, Observed o, boolean http) {
        assertThat(o.granted()).as(c + ": granted").isEqualTo(c.granted());
        assertThat(o.reason()).as(c + ": determining policies").isEqualTo(c.reason());
        if (c.user() != null) {
            assertThat(o.context()).as(c + ": context").isEqualTo(http ? httpContext(c) : methodContext());
        } else {
            assertThat(o.context()).as(c + ": no context, Cedar is not asked").isNull();
        }
    }
}
