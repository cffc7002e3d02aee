package io.cedarwood.benchmarks;

import io.cedarwood.enforcement.RequestEntities;
import io.cedarwood.enforcement.filter.ResourceFilter;
import io.cedarwood.enforcement.filter.ResourceQuery;
import io.cedarwood.enforcement.filter.SqlFilter;
import io.cedarwood.enforcement.filter.SqlFragment;
import io.cedarwood.enforcement.filter.SqlMapping;
import io.cedarwood.enforcement.filter.SqlTable;
import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.Decision;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * TinyTodo's home page with 10,000 lists in a database (H2, in memory, TinyTodo's tables): which lists may
 * this user see, with the 7 policies ({@code policies-all-enabled.cedar}).
 * <ul>
 * <li>{@code filteredQuery}: one filter (typed partial evaluation, the residuals as SQL) and one query;</li>
 * <li>{@code decisionPerList}: every list's id read, then {@code isAuthorized(GetList)} for each, its entities
 *     (the list, its owner, the user and the teams on the way) loaded from the database as a decision asks
 *     for them, as TinyTodo did;</li>
 * <li>{@code bareQuery}: the same query without the Cedar condition (every list);</li>
 * <li>{@code filterOnly}: the filter without the query.</li>
 * </ul>
 * {@code user=member}: a temp who owns a few lists and is shared into others (sees a few dozen);
 * {@code user=admin}: an admin at a DEF site, who sees every list. Before measuring, the filtered query is
 * checked to return exactly the lists the decisions allow.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class FilterBenchmark {
    private static final int LISTS = 10_000;
    private static final int USERS = 1_000;
    private static final EntityUid APP = EntityUid.of("Application", "TinyTodo");
    private static final EntityUid GET_LIST = EntityUid.of("Action", "GetList");
    private static final EntityType LIST = EntityType.of("List");
    private static final String SELECT = "select l.id, l.name, l.owner from lists l";

    @Param({"member", "admin"})
    public String user;

    final Authorizer authorizer = new Authorizer();
    Connection connection;
    PolicySet policies;
    ResourceQuery query;
    SqlMapping mapping;
    DatabaseEntities entities;
    EntityUid principal;

    @Setup
    public void setUp() throws SQLException {
        Schema schema = Schema.parseCedarSchema(TinyTodoGen.read("tinytodo.cedarschema"));
        policies = PolicySet.parse(TinyTodoGen.policies("7"));
        query = new ResourceQuery(schema);
        mapping = SqlMapping.builder(schema)
                .table("List", SqlTable.of("lists", "id").numericIds()
                        .column("name", "name")
                        .column("owner", "owner")
                        .join("readers", "teams", "list_id", "name", "list_role", "readers")
                        .join("editors", "teams", "list_id", "name", "list_role", "editors")
                        .ancestors(APP))
                .table("User", SqlTable.of("users", "name").column("location", "location").column("joblevel", "joblevel"))
                .build();
        connection = DriverManager.getConnection("jdbc:h2:mem:filter-benchmark-" + user);
        load(connection, new Random(1414));
        entities = new DatabaseEntities(connection);
        principal = EntityUid.of("User", user.equals("admin") ? "user1" : "user0");
        List<Long> filtered = ids(filteredQuery());
        List<Long> perList = decisionPerList();
        if (!filtered.equals(perList)) {
            throw new IllegalStateException("the filtered query gives " + filtered.size() + " lists, the decisions "
                    + perList.size());
        }
        System.out.printf("%nFilterBenchmark %s: %d of %d lists allowed, the same by one query and by a decision each%n",
                user, filtered.size(), LISTS);
    }

    @TearDown
    public void tearDown() throws SQLException {
        connection.close();
    }

    /** The filter alone: the user's entities read, typed partial evaluation, the SQL written. */
    @Benchmark
    public SqlFilter filterOnly() {
        ResourceFilter filter = query.filter(principal, GET_LIST, LIST, RecordValue.EMPTY, policies,
                RequestEntities.of(null, List.of(), entities));
        SqlFilter sql = mapping.toSql(filter, "l");
        if (!sql.isExact()) {
            throw new IllegalStateException("TinyTodo's policies translate exactly");
        }
        return sql;
    }

    @Benchmark
    public List<Object[]> filteredQuery() throws SQLException {
        SqlFilter sql = filterOnly();
        return rows(SELECT + " where " + sql.candidates().sql() + " order by l.id", sql.candidates());
    }

    @Benchmark
    public List<Long> decisionPerList() throws SQLException {
        List<Long> allowed = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select l.id from lists l order by l.id")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                Request request = new Request(principal, GET_LIST, EntityUid.of("List", Long.toString(id)), RecordValue.EMPTY);
                if (authorizer.isAuthorized(request, policies, RequestEntities.of(null, List.of(), entities)).decision()
                        == Decision.ALLOW) {
                    allowed.add(id);
                }
            }
        }
        return allowed;
    }

    @Benchmark
    public List<Object[]> bareQuery() throws SQLException {
        return rows(SELECT + " order by l.id", new SqlFragment("", List.of()));
    }

    private List<Object[]> rows(String sql, SqlFragment where) throws SQLException {
        List<Object[]> out = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < where.parameters().size(); i++) {
                s.setObject(i + 1, where.parameters().get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)});
                }
            }
        }
        return out;
    }

    private static List<Long> ids(List<Object[]> rows) {
        List<Long> out = new ArrayList<>();
        for (Object[] row : rows) {
            out.add((Long) row[0]);
        }
        return out;
    }

    /** TinyTodo's tables (sample-tinytodo-webapp's db/migration) and generated data. */
    private static void load(Connection c, Random random) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create table users (name varchar(64) primary key, location varchar(64) not null, joblevel integer not null)");
            s.execute("create table lists (id bigint primary key, name varchar(200) not null, owner varchar(64) not null references users (name))");
            s.execute("create table teams (name varchar(64) primary key, list_id bigint references lists (id), list_role varchar(8))");
            s.execute("create table memberships (team varchar(64) not null, member_type varchar(8) not null,"
                    + " member_name varchar(64) not null, primary key (team, member_type, member_name))");
            s.execute("create index memberships_member on memberships (member_type, member_name)");
            s.execute("create index teams_list on teams (list_id, list_role)");
        }
        String[] locations = {"ABC17", "DEF33", "XYZ77", "ABC12", "GHI01"};
        List<String> groups = new ArrayList<>(List.of("temp", "admin", "interns"));
        for (int i = 0; i < 27; i++) {
            groups.add("group" + i);
        }
        c.setAutoCommit(false);
        try (PreparedStatement p = c.prepareStatement("insert into users values (?, ?, ?)");
                PreparedStatement t = c.prepareStatement("insert into teams (name) values (?)");
                PreparedStatement m = c.prepareStatement("merge into memberships key (team, member_type, member_name) values (?, ?, ?)")) {
            for (String g : groups) {
                t.setString(1, g);
                t.addBatch();
            }
            t.executeBatch();
            member(m, "temp", "Team", "interns");
            for (int i = 0; i < USERS; i++) {
                String name = "user" + i;
                p.setString(1, name);
                p.setString(2, i == 0 ? "ABC17" : i == 1 ? "DEF33" : locations[random.nextInt(locations.length)]);
                p.setInt(3, i == 1 ? 8 : random.nextInt(10));
                p.addBatch();
                if (i == 0) {
                    member(m, "temp", "User", name);
                } else if (i == 1) {
                    member(m, "admin", "User", name);
                } else {
                    for (int k = random.nextInt(3); k > 0; k--) {
                        member(m, groups.get(3 + random.nextInt(groups.size() - 3)), "User", name);
                    }
                }
            }
            p.executeBatch();
            m.executeBatch();
        }
        try (PreparedStatement l = c.prepareStatement("insert into lists values (?, ?, ?)");
                PreparedStatement t = c.prepareStatement("insert into teams values (?, ?, ?)");
                PreparedStatement m = c.prepareStatement("merge into memberships key (team, member_type, member_name) values (?, ?, ?)")) {
            for (long id = 1; id <= LISTS; id++) {
                l.setLong(1, id);
                l.setString(2, "list " + id);
                l.setString(3, "user" + (id % 400 == 0 ? 0 : random.nextInt(USERS)));
                l.addBatch();
                for (String role : List.of("readers", "editors")) {
                    String team = "list-" + id + "-" + role;
                    t.setString(1, team);
                    t.setLong(2, id);
                    t.setString(3, role);
                    t.addBatch();
                    for (int k = random.nextInt(3); k > 0; k--) {
                        if (random.nextInt(4) == 0) {
                            member(m, team, "Team", groups.get(random.nextInt(groups.size())));
                        } else {
                            member(m, team, "User", "user" + random.nextInt(USERS / 4));
                        }
                    }
                }
            }
            l.executeBatch();
            t.executeBatch();
            m.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    private static void member(PreparedStatement m, String team, String type, String name) throws SQLException {
        m.setString(1, team);
        m.setString(2, type);
        m.setString(3, name);
        m.addBatch();
    }

    /** TinyTodo's entities from its tables, a row at a time, as the application's provider reads them. */
    static final class DatabaseEntities implements EntityProvider {
        private static final Pattern CANONICAL = Pattern.compile("[1-9][0-9]{0,17}");
        private final PreparedStatement user;
        private final PreparedStatement team;
        private final PreparedStatement list;
        private final PreparedStatement parents;

        DatabaseEntities(Connection c) throws SQLException {
            user = c.prepareStatement("select location, joblevel from users where name = ?");
            team = c.prepareStatement("select count(*) from teams where name = ?");
            list = c.prepareStatement("select l.name, l.owner, r.name, e.name from lists l"
                    + " join teams r on r.list_id = l.id and r.list_role = 'readers'"
                    + " join teams e on e.list_id = l.id and e.list_role = 'editors' where l.id = ?");
            parents = c.prepareStatement("select team from memberships where member_type = ? and member_name = ?"
                    + " order by team");
        }

        @Override
        public Entity entity(EntityUid uid) {
            try {
                return switch (uid.type().name()) {
                    case "User" -> user(uid);
                    case "Team" -> team(uid);
                    case "List" -> list(uid);
                    case "Application" -> uid.equals(APP) ? Entity.of(uid) : null;
                    default -> null;
                };
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private Entity user(EntityUid uid) throws SQLException {
            user.setString(1, uid.id());
            try (ResultSet rs = user.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Entity(uid, Map.<String, Value>of("location", StringValue.of(rs.getString(1)),
                        "joblevel", LongValue.of(rs.getInt(2))), parents("User", uid.id()));
            }
        }

        private Entity team(EntityUid uid) throws SQLException {
            team.setString(1, uid.id());
            try (ResultSet rs = team.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0 ? null : new Entity(uid, Map.of(), parents("Team", uid.id()));
            }
        }

        private Entity list(EntityUid uid) throws SQLException {
            if (!CANONICAL.matcher(uid.id()).matches()) {
                return null;
            }
            list.setLong(1, Long.parseLong(uid.id()));
            try (ResultSet rs = list.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Entity(uid, Map.<String, Value>of("name", StringValue.of(rs.getString(1)),
                        "owner", EntityUid.of("User", rs.getString(2)), "readers", EntityUid.of("Team", rs.getString(3)),
                        "editors", EntityUid.of("Team", rs.getString(4)), "tasks", SetValue.EMPTY), Set.of(APP));
            }
        }

        private Set<EntityUid> parents(String type, String name) throws SQLException {
            Set<EntityUid> out = new LinkedHashSet<>();
            parents.setString(1, type);
            parents.setString(2, name);
            try (ResultSet rs = parents.executeQuery()) {
                while (rs.next()) {
                    out.add(EntityUid.of("Team", rs.getString(1)));
                }
            }
            out.add(APP);
            return out;
        }
    }
}
