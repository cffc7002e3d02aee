package io.cedarwood.enforcement.filter;

import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.Decision;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.RecordValue;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filtered query against a decision per list, on generated TinyTodo data (10,000 lists), with TinyTodo's
 * policies (admin, interns and location rules on), on H2 and on a real PostgreSQL 14: for every person and
 * every list action, the query returns exactly the lists {@code isAuthorized} allows, and so does the
 * in-memory backend. A campaign: {@code -Dfilter.seed=N -Dfilter.lists=N -Dfilter.people=N}.
 */
class FilterEquivalenceTest {
    private static final EntityType LIST = EntityType.of("List");
    private static final long SEED = Long.getLong("filter.seed", 20261203L);
    private static final int LISTS = Integer.getInteger("filter.lists", 10_000);
    private static final int PEOPLE = Integer.getInteger("filter.people", 24);

    private static Schema schema;
    private static PolicySet policies;
    private static TinyTodoWorld world;
    private static SqlMapping mapping;
    private static Connection h2;
    private static EmbeddedPostgres postgres;
    private static Connection pg;

    @BeforeAll
    static void databases() throws SQLException {
        schema = SharedTinyTodo.schema();
        policies = SharedTinyTodo.policiesAllEnabled();
        world = new TinyTodoWorld(SEED, PEOPLE, 20, LISTS);
        mapping = TinyTodoWorld.mapping(schema);
        h2 = DriverManager.getConnection("jdbc:h2:mem:filter-equivalence;DB_CLOSE_DELAY=-1");
        world.load(h2);
        postgres = EmbeddedPostgresSupport.start();
        pg = postgres.getPostgresDatabase().getConnection();
        world.load(pg);
    }

    @AfterAll
    static void close() throws Exception {
        if (h2 != null) {
            h2.close();
        }
        if (pg != null) {
            pg.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void everyPersonAndListActionGetsExactlyTheListsThatPerListDecisionsAllow() throws SQLException {
        Authorizer authorizer = new Authorizer();
        ResourceQuery query = new ResourceQuery(schema);
        long allowed = 0;
        long pairs = 0;
        Set<Integer> sizes = new HashSet<>();
        for (Entity user : world.users) {
            for (String actionId : TinyTodoWorld.LIST_ACTIONS) {
                EntityUid action = EntityUid.of("Action", actionId);
                Set<String> expected = new TreeSet<>();
                for (Entity list : world.lists) {
                    if (authorizer.isAuthorized(new Request(user.uid(), action, list.uid(), RecordValue.EMPTY), policies,
                            world.entities).decision() == Decision.ALLOW) {
                        expected.add(list.uid().id());
                    }
                }
                ResourceFilter filter = query.filter(user.uid(), action, LIST, RecordValue.EMPTY, policies, world.entities);
                String where = user.uid() + " " + actionId + ": " + filter;
                assertThat(filter.isExact()).as(where).isTrue();
                SqlFilter sql = mapping.toSql(filter, "l");
                assertThat(sql.isExact()).as(where).isTrue();
                assertThat(ids(h2, sql.candidates())).as("H2, " + where).isEqualTo(expected);
                assertThat(ids(pg, sql.candidates())).as("PostgreSQL, " + where).isEqualTo(expected);
                Set<String> inMemory = new TreeSet<>();
                world.lists.stream().filter(filter.inMemory(world.entities)).forEach(l -> inMemory.add(l.uid().id()));
                assertThat(inMemory).as("in memory, " + where).isEqualTo(expected);
                allowed += expected.size();
                pairs++;
                sizes.add(expected.size());
            }
        }
        System.out.printf("filter equivalence: seed %d, %d lists, %d people, %d (person, action) pairs, %d lists allowed%n",
                SEED, world.lists.size(), world.users.size(), pairs, allowed);
        // not a trivial answer: some see nothing, some see some, and the answers differ
        assertThat(sizes).hasSizeGreaterThan(5);
    }

    static Set<String> ids(Connection connection, SqlFragment where) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (PreparedStatement s = connection.prepareStatement("select l.id from lists l where " + where.sql())) {
            int i = 1;
            for (Object parameter : where.parameters()) {
                s.setObject(i++, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
