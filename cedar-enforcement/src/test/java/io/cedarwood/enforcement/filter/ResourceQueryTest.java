package io.cedarwood.enforcement.filter;

import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.Decision;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourceQueryTest {
    private static final Schema SCHEMA = Schema.parseCedarSchema("""
            entity Application enum ["App"];
            entity Team in [Team, Application];
            entity User in [Team, Application] = { location: String, level: Long };
            entity Doc in [Application] = {
              name: String, owner: User, readers: Team, size: Long, archived: Bool,
              note?: String, tags: Set<String>, ip: ipaddr,
            };
            action view appliesTo { principal: [User], resource: [Doc] };
            """);
    private static final EntityType DOC = EntityType.of("Doc");
    private static final EntityUid VIEW = EntityUid.of("Action", "view");
    private static final EntityUid APP = EntityUid.of("Application", "App");
    private static final EntityUid KESHA = EntityUid.of("User", "kesha");
    private static final EntityUid ANA = EntityUid.of("User", "o'ana");

    private final List<String> logged = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("io.cedarwood.enforcement.filter").addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("io.cedarwood.enforcement.filter").removeHandler(handler);
    }

    private static Entities entities() {
        List<Entity> all = new ArrayList<>();
        all.add(Entity.of(APP));
        all.add(new Entity(EntityUid.of("Team", "t'; --"), Map.of(), Set.of(APP)));
        all.add(new Entity(EntityUid.of("Team", "other"), Map.of(), Set.of(APP)));
        all.add(new Entity(KESHA, Map.of("location", StringValue.of("ABC"), "level", LongValue.of(5)),
                Set.of(APP, EntityUid.of("Team", "t'; --"))));
        all.add(new Entity(ANA, Map.of("location", StringValue.of("DEF"), "level", LongValue.of(9)), Set.of(APP)));
        String[] names = {"50%_off sale", "50X_off", "50%Xoff", "plain", "o'brien's; --", "50%_off"};
        for (int i = 0; i < 24; i++) {
            Map<String, Value> a = new LinkedHashMap<>();
            a.put("name", StringValue.of(names[i % names.length]));
            a.put("owner", i % 3 == 0 ? KESHA : ANA);
            a.put("readers", EntityUid.of("Team", i % 2 == 0 ? "t'; --" : "other"));
            a.put("size", LongValue.of(i));
            a.put("archived", io.cedarwood.engine.value.BoolValue.of(i % 4 == 0));
            if (i % 5 == 0) {
                a.put("note", StringValue.of("n" + i));
            }
            a.put("tags", io.cedarwood.engine.value.SetValue.of(StringValue.of(i % 2 == 0 ? "red" : "blue")));
            a.put("ip", io.cedarwood.engine.value.IpAddrValue.parse("10.0.0." + i));
            all.add(new Entity(EntityUid.of("Doc", Integer.toString(i)), a, Set.of(APP)));
        }
        return Entities.of(all);
    }

    private static final SqlMapping MAPPING = SqlMapping.builder(SCHEMA)
            .table("Doc", SqlTable.of("docs", "id").numericIds().column("name", "name").column("owner", "owner")
                    .column("readers", "readers").column("size", "size").column("archived", "archived")
                    .column("note", "note").ancestors(APP))
            .table("User", SqlTable.of("users", "name").column("location", "location"))
            .build();

    private static Connection database(Entities entities) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:h2:mem:");
        try (Statement s = c.createStatement()) {
            s.execute("create table users (name varchar(50) primary key, location varchar(50) not null)");
            s.execute("create table docs (id bigint primary key, name varchar(50) not null, owner varchar(50) not null,"
                    + " readers varchar(50) not null, size bigint not null, archived boolean not null, note varchar(50))");
        }
        for (Entity e : entities) {
            if (e.uid().type().name().equals("User")) {
                try (PreparedStatement p = c.prepareStatement("insert into users values (?, ?)")) {
                    p.setString(1, e.uid().id());
                    p.setString(2, ((StringValue) e.attributes().get("location")).value());
                    p.execute();
                }
            } else if (e.uid().type().equals(DOC)) {
                try (PreparedStatement p = c.prepareStatement("insert into docs values (?, ?, ?, ?, ?, ?, ?)")) {
                    p.setLong(1, Long.parseLong(e.uid().id()));
                    p.setString(2, ((StringValue) e.attributes().get("name")).value());
                    p.setString(3, ((EntityUid) e.attributes().get("owner")).id());
                    p.setString(4, ((EntityUid) e.attributes().get("readers")).id());
                    p.setLong(5, ((LongValue) e.attributes().get("size")).value());
                    p.setBoolean(6, ((io.cedarwood.engine.value.BoolValue) e.attributes().get("archived")).value());
                    Value note = e.attributes().get("note");
                    p.setString(7, note == null ? null : ((StringValue) note).value());
                    p.execute();
                }
            }
        }
        return c;
    }

    /** What a decision per document allows. */
    private static Set<String> perDocument(String policies, EntityUid principal, Entities entities) {
        Set<String> out = new TreeSet<>();
        PolicySet set = parse(policies);
        for (Entity e : entities) {
            if (e.uid().type().equals(DOC) && new Authorizer().isAuthorized(new Request(principal, VIEW, e.uid(),
                    RecordValue.EMPTY), set, entities).decision() == Decision.ALLOW) {
                out.add(e.uid().id());
            }
        }
        return out;
    }

    /** Runs the SQL filter, asking for a decision each where it is not certain, and the in-memory one; both must agree with per-document decisions. */
    private static ResourceFilter check(String policies, EntityUid principal) throws SQLException {
        Entities entities = entities();
        Set<String> expected = perDocument(policies, principal, entities);
        ResourceFilter filter = new ResourceQuery(SCHEMA).filter(principal, VIEW, DOC, RecordValue.EMPTY,
                parse(policies), entities);
        Set<String> inMemory = new TreeSet<>();
        for (Entity e : entities) {
            if (e.uid().type().equals(DOC) && filter.inMemory(entities).test(e)) {
                inMemory.add(e.uid().id());
            }
        }
        assertThat(inMemory).as("in memory: " + filter).isEqualTo(expected);
        SqlFilter sql = MAPPING.toSql(filter, "d");
        try (Connection c = database(entities)) {
            Set<String> candidates = ids(c, sql.candidates());
            Set<String> certain = ids(c, sql.certain());
            assertThat(candidates).as("candidates: " + sql).containsAll(expected);
            assertThat(expected).as("certain: " + sql).containsAll(certain);
            Set<String> decided = new TreeSet<>(certain);
            for (String id : candidates) {
                if (!certain.contains(id) && filter.decide(EntityUid.of("Doc", id), entities).decision() == Decision.ALLOW) {
                    decided.add(id);
                }
            }
            assertThat(decided).as("SQL then a decision each: " + sql).isEqualTo(expected);
        }
        return filter;
    }

    /** As the integrations read policy files: a policy's id is its {@code @id}. */
    private static PolicySet parse(String policies) {
        return io.cedarwood.enforcement.PolicyFiles.policies(List.of(new io.cedarwood.enforcement.PolicySource("test.cedar", policies)));
    }

    private static Set<String> ids(Connection c, SqlFragment where) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (PreparedStatement s = c.prepareStatement("select d.id from docs d where " + where.sql())) {
            for (int i = 0; i < where.parameters().size(); i++) {
                s.setObject(i + 1, where.parameters().get(i));
            }
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(Long.toString(rs.getLong(1)));
                }
            }
        }
        return out;
    }

    @Test
    void ownerAndMembershipAreExactAndTheirValuesAreParameters() throws SQLException {
        ResourceFilter filter = check("""
                permit (principal, action, resource) when { resource.owner == principal || principal in resource.readers };
                """, KESHA);
        assertThat(filter.isExact()).isTrue();
        SqlFilter sql = MAPPING.toSql(filter, "d");
        assertThat(sql.isExact()).isTrue();
        assertThat(sql.candidates().sql()).doesNotContain("kesha").doesNotContain("t'; --");
        assertThat(sql.candidates().parameters()).contains("kesha", "t'; --");
    }

    @Test
    void likeEscapesTheDatabasesWildcards() throws SQLException {
        ResourceFilter filter = check("""
                permit (principal, action, resource) when { resource.name like "50%_off*" };
                """, KESHA);
        assertThat(filter.isExact()).isTrue();
        assertThat(perDocument("permit (principal, action, resource) when { resource.name like \"50%_off*\" };",
                KESHA, entities())).isNotEmpty();
    }

    @Test
    void attributeChainsComparisonsOptionalAttributesAndNegation() throws SQLException {
        check("""
                permit (principal, action, resource) when {
                  resource.owner.location == principal.location && resource.size >= 3 && !resource.archived
                };
                permit (principal, action, resource) when { resource has note && resource.note != "n10" };
                forbid (principal, action, resource) when { resource.size > 20 || resource == Doc::"5" };
                forbid (principal, action, resource) when { if resource.archived then resource.size < 2 else false };
                """, ANA);
    }

    @Test
    void resourceInTheApplicationUsesTheDeclaredAncestorsAndOnlyCanonicalIdsAreRows() throws SQLException {
        ResourceFilter filter = check("""
                permit (principal, action, resource in Application::"App");
                forbid (principal, action, resource) when { resource == Doc::"07" || resource in Doc::"+8" || resource == Doc::"9" };
                """, KESHA);
        assertThat(filter.isExact()).isTrue();
    }

    @Test
    void aPermitTheMappingCannotExpressLeavesItsRowsToADecisionEachAndIsLogged() throws SQLException {
        ResourceFilter filter = check("""
                @id("by-tag")
                permit (principal, action, resource) when { resource.tags.contains("red") && resource.size < 10 };
                """, KESHA);
        assertThat(filter.isExact()).isFalse();
        assertThat(filter.certain()).isEqualTo(Filter.FALSE);
        assertThat(logged).anySatisfy(m -> assertThat(m).contains("`by-tag`").contains("`contains`"));
    }

    @Test
    void aForbidThatCannotBeTranslatedIsNeverDropped() throws SQLException {
        ResourceFilter filter = check("""
                permit (principal, action, resource);
                @id("no-loopback")
                forbid (principal, action, resource) when { resource.ip.isInRange(ip("10.0.0.0/30")) };
                """, KESHA);
        assertThat(filter.isExact()).isFalse();
        assertThat(filter.candidates()).isEqualTo(Filter.TRUE);
        assertThat(filter.certain()).isEqualTo(Filter.FALSE);
        assertThat(logged).anySatisfy(m -> assertThat(m).contains("`no-loopback`").contains("isInRange"));
        // 10.0.0.0 to 10.0.0.3 are forbidden
        assertThat(perDocument("permit (principal, action, resource); forbid (principal, action, resource) when"
                + " { resource.ip.isInRange(ip(\"10.0.0.0/30\")) };", KESHA, entities())).doesNotContain("0", "1", "2", "3");
    }

    @Test
    void anAttributeWithoutAColumnLeavesItsRowsToADecisionEach() throws SQLException {
        ResourceFilter filter = check("""
                @id("levels")
                permit (principal, action, resource) when { resource.owner.level > 6 };
                """, KESHA);
        assertThat(filter.isExact()).isTrue();
        assertThat(MAPPING.toSql(filter, "d").isExact()).isFalse();
        assertThat(logged).anySatisfy(m -> assertThat(m).contains("`levels`").contains("`User.level` has no column"));
    }

    @Test
    void policiesThatDoNotValidateLeaveEveryRowToADecisionEach() throws SQLException {
        ResourceFilter filter = check("""
                permit (principal, action, resource) when { resource.nope == 1 };
                permit (principal, action, resource) when { resource.owner == principal };
                """, KESHA);
        assertThat(filter.failure()).isPresent();
        assertThat(filter.candidates()).isEqualTo(Filter.TRUE);
    }

    @Test
    void aKnownDecisionIsAConstant() throws SQLException {
        assertThat(check("permit (principal, action, resource);", KESHA).allowed()).isEqualTo(Filter.TRUE);
        assertThat(check("forbid (principal, action, resource); permit (principal, action, resource);", KESHA).allowed())
                .isEqualTo(Filter.FALSE);
        assertThat(check("permit (principal == User::\"nobody\", action, resource);", KESHA).allowed())
                .isEqualTo(Filter.FALSE);
    }

    @Test
    void theMappingIsCheckedAgainstTheSchemaAndNamesEveryProblem() {
        assertThatThrownBy(() -> SqlMapping.builder(SCHEMA)
                .table("Dok", SqlTable.of("docs", "id"))
                .table("Doc", SqlTable.of("docs", "id").column("ownr", "owner").column("tags", "tags")
                        .column("name", "name; drop table docs").ancestors(EntityUid.of("Team", "t")))
                .table("User", SqlTable.of("users x", "name"))
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("`Dok` is not an entity type of the schema")
                .hasMessageContaining("`Doc` has no attribute `ownr`")
                .hasMessageContaining("`Doc.tags` is a `Set<String>`")
                .hasMessageContaining("`name; drop table docs` is not an SQL identifier")
                .hasMessageContaining("`Team::\"t\"` cannot be an ancestor of a `Doc`")
                .hasMessageContaining("`users x` is not an SQL table name");
    }
}
