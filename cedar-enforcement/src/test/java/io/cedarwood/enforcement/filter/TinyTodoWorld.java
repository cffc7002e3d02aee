package io.cedarwood.enforcement.filter;

import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generated TinyTodo data, from a seed: people with locations and job levels in teams (admin, interns, temp
 * and others, teams in teams), lists with an owner, a readers team and an editors team. Ids and values that
 * look like SQL ({@code '}, {@code --}, {@code ;}, {@code %}, {@code _}, {@code \}) are mixed in. The same data
 * as Cedar entities and as rows of a database.
 */
final class TinyTodoWorld {
    static final EntityUid APP = EntityUid.of("Application", "TinyTodo");
    static final List<String> LIST_ACTIONS = List.of("GetList", "UpdateList", "DeleteList", "EditShare", "CreateTask",
            "UpdateTask", "DeleteTask");
    private static final String[] LOCATIONS = {"ABC17", "DEF33", "DEF", "XYZ77", "DEF'; drop table users; --",
        "ABC17' or '1'='1", "DE%", "D_F1", "def33", "DEF\\", "x\"y"};
    private static final String[] STRANGE = {"o'brien", "x'); delete from lists; --", "a\"b", "semi;colon",
        "per%cent", "under_score", "back\\slash", "--dash", "ünï", "' or 1=1 --"};

    final List<Entity> users = new ArrayList<>();
    final List<Entity> teams = new ArrayList<>();
    final List<Entity> lists = new ArrayList<>();
    final Entities entities;

    TinyTodoWorld(long seed, int people, int teamCount, int listCount) {
        Random random = new Random(seed);
        List<EntityUid> teamIds = new ArrayList<>();
        for (String fixed : List.of("admin", "interns", "temp")) {
            teamIds.add(EntityUid.of("Team", fixed));
        }
        for (int i = teamIds.size(); i < teamCount; i++) {
            String name = i % 4 == 0 ? STRANGE[random.nextInt(STRANGE.length)] + i : "team" + i;
            teamIds.add(EntityUid.of("Team", name));
        }
        for (int i = 0; i < teamIds.size(); i++) {
            Set<EntityUid> parents = new LinkedHashSet<>();
            parents.add(APP);
            if (teamIds.get(i).id().equals("interns")) {
                parents.add(EntityUid.of("Team", "temp"));
            }
            // teams in teams: a parent among the teams made before
            if (i > 3 && random.nextInt(3) == 0) {
                parents.add(teamIds.get(3 + random.nextInt(i - 3)));
            }
            teams.add(new Entity(teamIds.get(i), Map.of(), parents));
        }
        for (int i = 0; i < people; i++) {
            String name = i % 3 == 0 ? STRANGE[random.nextInt(STRANGE.length)] + i : "user" + i;
            Set<EntityUid> parents = new LinkedHashSet<>();
            parents.add(APP);
            int memberships = random.nextInt(4);
            for (int m = 0; m < memberships; m++) {
                parents.add(teamIds.get(random.nextInt(teamIds.size())));
            }
            Map<String, Value> attributes = new LinkedHashMap<>();
            attributes.put("location", StringValue.of(LOCATIONS[random.nextInt(LOCATIONS.length)]));
            attributes.put("joblevel", LongValue.of(random.nextInt(11)));
            users.add(new Entity(EntityUid.of("User", name), attributes, parents));
        }
        for (int i = 0; i < listCount; i++) {
            String id = i % 97 == 0 ? STRANGE[random.nextInt(STRANGE.length)] + i : Integer.toString(i);
            Map<String, Value> attributes = new LinkedHashMap<>();
            attributes.put("name", StringValue.of("list " + i + (i % 5 == 0 ? "'; --" : "")));
            attributes.put("owner", users.get(random.nextInt(users.size())).uid());
            attributes.put("readers", teamIds.get(random.nextInt(teamIds.size())));
            attributes.put("editors", teamIds.get(random.nextInt(teamIds.size())));
            attributes.put("tasks", SetValue.EMPTY);
            lists.add(new Entity(EntityUid.of("List", id), attributes, Set.of(APP)));
        }
        List<Entity> all = new ArrayList<>();
        all.add(Entity.of(APP));
        all.addAll(teams);
        all.addAll(users);
        all.addAll(lists);
        entities = Entities.of(all);
    }

    /** How the tables below hold the entities: {@code readers} through a join table. */
    static SqlMapping mapping(io.cedarwood.engine.schema.Schema schema) {
        return SqlMapping.builder(schema)
                .table("List", SqlTable.of("lists", "id")
                        .column("name", "name")
                        .column("owner", "owner")
                        .column("editors", "editors")
                        .join("readers", "list_teams", "list_id", "team", "role", "readers")
                        .ancestors(APP))
                .table("User", SqlTable.of("users", "name").column("location", "location").column("joblevel", "joblevel"))
                .build();
    }

    /** Creates the tables and writes the data. */
    void load(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("create table users (name varchar(100) primary key, location varchar(100) not null,"
                    + " joblevel bigint not null)");
            s.execute("create table lists (id varchar(100) primary key, name varchar(200) not null,"
                    + " owner varchar(100) not null references users (name), editors varchar(100) not null)");
            s.execute("create table list_teams (list_id varchar(100) not null references lists (id),"
                    + " role varchar(10) not null, team varchar(100) not null, primary key (list_id, role))");
        }
        connection.setAutoCommit(false);
        try (PreparedStatement p = connection.prepareStatement("insert into users values (?, ?, ?)")) {
            for (Entity u : users) {
                p.setString(1, u.uid().id());
                p.setString(2, ((StringValue) u.attributes().get("location")).value());
                p.setLong(3, ((LongValue) u.attributes().get("joblevel")).value());
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = connection.prepareStatement("insert into lists values (?, ?, ?, ?)");
                PreparedStatement t = connection.prepareStatement("insert into list_teams values (?, 'readers', ?)")) {
            for (Entity l : lists) {
                p.setString(1, l.uid().id());
                p.setString(2, ((StringValue) l.attributes().get("name")).value());
                p.setString(3, ((EntityUid) l.attributes().get("owner")).id());
                p.setString(4, ((EntityUid) l.attributes().get("editors")).id());
                p.addBatch();
                t.setString(1, l.uid().id());
                t.setString(2, ((EntityUid) l.attributes().get("readers")).id());
                t.addBatch();
            }
            p.executeBatch();
            t.executeBatch();
        }
        connection.commit();
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute("create index list_teams_team on list_teams (team)");
        }
    }
}
