package io.cedarwood.sample.tinytodo.todo;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import io.cedarwood.enforcement.filter.SqlFragment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The database: people, teams and who is in them, lists and their tasks. No authorization here. */
@Repository
public class TodoStore {
    private static final String LIST_SELECT = "select l.id, l.name, l.owner, r.name as readers, e.name as editors\n";
    private static final String LIST_FROM = """
            from lists l
            join teams r on r.list_id = l.id and r.list_role = 'readers'
            join teams e on e.list_id = l.id and e.list_role = 'editors'
            """;
    private static final String LIST_COLUMNS = LIST_SELECT + LIST_FROM;
    private static final RowMapper<TodoList> LIST = (rs, n) -> new TodoList(rs.getLong("id"), rs.getString("name"),
            rs.getString("owner"), rs.getString("readers"), rs.getString("editors"));
    private static final RowMapper<Task> TASK = (rs, n) -> new Task(rs.getLong("id"), rs.getLong("list_id"),
            rs.getString("name"), rs.getString("state"));
    private static final RowMapper<Member> MEMBER = (rs, n) -> new Member(
            Member.Kind.ofEntityType(rs.getString("member_type")), rs.getString("member_name"));

    private final JdbcClient jdbc;

    public TodoStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // people and teams

    public Optional<Person> person(String name) {
        return jdbc.sql("select name, location, joblevel from users where name = ?").param(name)
                .query((rs, n) -> new Person(rs.getString("name"), rs.getString("location"), rs.getInt("joblevel")))
                .optional();
    }

    public List<Person> people() {
        return jdbc.sql("select name, location, joblevel from users order by name")
                .query((rs, n) -> new Person(rs.getString("name"), rs.getString("location"), rs.getInt("joblevel")))
                .list();
    }

    /** The password hash of a user, for logging in. */
    public Optional<String> passwordHash(String name) {
        return jdbc.sql("select password from users where name = ?").param(name).query(String.class).optional();
    }

    public boolean teamExists(String name) {
        return jdbc.sql("select count(*) from teams where name = ?").param(name).query(Long.class).single() > 0;
    }

    /** The teams people belong to (temp, admin, interns), not the teams of lists. */
    public List<String> groups() {
        return jdbc.sql("select name from teams where list_id is null order by name").query(String.class).list();
    }

    public boolean isGroup(String name) {
        return jdbc.sql("select count(*) from teams where name = ? and list_id is null").param(name)
                .query(Long.class).single() > 0;
    }

    /** The teams a user or a team is directly in: its parents in Cedar. */
    public List<String> teamsOf(Member.Kind kind, String name) {
        return jdbc.sql("select team from memberships where member_type = ? and member_name = ? order by team")
                .param(kind.entityType()).param(name).query(String.class).list();
    }

    /** The groups (temp, admin, interns) a user is directly in: not the teams of lists shared with them. */
    public List<String> groupsOf(String user) {
        return jdbc.sql("""
                select m.team from memberships m join teams t on t.name = m.team
                where m.member_type = 'User' and m.member_name = ? and t.list_id is null
                order by m.team""").param(user).query(String.class).list();
    }

    public List<Member> members(String team) {
        return jdbc.sql("""
                select member_type, member_name from memberships where team = ?
                order by member_type desc, member_name""").param(team).query(MEMBER).list();
    }

    public void addMember(String team, Member member) {
        if (!members(team).contains(member)) {
            jdbc.sql("insert into memberships (team, member_type, member_name) values (?, ?, ?)")
                    .param(team).param(member.kind().entityType()).param(member.name()).update();
        }
    }

    public boolean removeMember(String team, Member member) {
        return jdbc.sql("delete from memberships where team = ? and member_type = ? and member_name = ?")
                .param(team).param(member.kind().entityType()).param(member.name()).update() > 0;
    }

    // lists

    public Optional<TodoList> list(long id) {
        return jdbc.sql(LIST_COLUMNS + " where l.id = ?").param(id).query(LIST).optional();
    }

    public List<TodoList> lists() {
        return jdbc.sql(LIST_COLUMNS + " order by l.id").query(LIST).list();
    }

    /**
     * The lists for which {@code where}, a condition on the alias {@code l} of {@code lists}, holds; with
     * {@code certain}, another such condition, each list says whether that one holds too.
     */
    public List<Filtered> lists(SqlFragment where, SqlFragment certain) {
        List<Object> parameters = new ArrayList<>(certain.parameters());
        parameters.addAll(where.parameters());
        return jdbc.sql(LIST_SELECT + ", case when " + certain.sql() + " then 1 else 0 end as certain\n" + LIST_FROM
                        + " where " + where.sql() + " order by l.id").params(parameters)
                .query((rs, n) -> new Filtered(LIST.mapRow(rs, n), rs.getInt("certain") == 1)).list();
    }

    /** The lists for which {@code where}, a condition on the alias {@code l} of {@code lists}, holds, by id. */
    public List<TodoList> lists(SqlFragment where) {
        return jdbc.sql(LIST_COLUMNS + " where " + where.sql() + " order by l.id").params(where.parameters())
                .query(LIST).list();
    }

    /** A list, and whether the second condition of {@link #lists(SqlFragment, SqlFragment)} holds for it. */
    public record Filtered(TodoList list, boolean certain) {
    }

    /** A new list, with its own readers and editors teams. */
    public TodoList createList(String owner, String name) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into lists (name, owner) values (?, ?)").param(name).param(owner).update(key, "id");
        long id = Objects.requireNonNull(key.getKey(), "generated list id").longValue();
        String readers = "list-" + id + "-readers";
        String editors = "list-" + id + "-editors";
        jdbc.sql("insert into teams (name, list_id, list_role) values (?, ?, 'readers'), (?, ?, 'editors')")
                .param(readers).param(id).param(editors).param(id).update();
        return new TodoList(id, name, owner, readers, editors);
    }

    public void renameList(long id, String name) {
        jdbc.sql("update lists set name = ? where id = ?").param(name).param(id).update();
    }

    /** Deletes the list, its tasks, its teams and their memberships. */
    public void deleteList(long id) {
        jdbc.sql("delete from lists where id = ?").param(id).update();
    }

    // tasks

    /** For each list with tasks: how many it has, and how many are checked. */
    public Map<Long, int[]> taskCounts() {
        Map<Long, int[]> counts = new HashMap<>();
        jdbc.sql("""
                select list_id, count(*) as total, sum(case when state = 'checked' then 1 else 0 end) as done
                from tasks group by list_id""")
                .query(rs -> {
                    counts.put(rs.getLong("list_id"), new int[] {rs.getInt("total"), rs.getInt("done")});
                });
        return counts;
    }

    public List<Task> tasks(long listId) {
        return jdbc.sql("select id, list_id, name, state from tasks where list_id = ? order by id")
                .param(listId).query(TASK).list();
    }

    /** The task, when it is one of this list's. */
    public Optional<Task> task(long listId, long taskId) {
        return jdbc.sql("select id, list_id, name, state from tasks where id = ? and list_id = ?")
                .param(taskId).param(listId).query(TASK).optional();
    }

    public Task createTask(long listId, String name) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into tasks (list_id, name, state) values (?, ?, ?)")
                .param(listId).param(name).param(Task.UNCHECKED).update(key, "id");
        return new Task(Objects.requireNonNull(key.getKey(), "generated task id").longValue(), listId, name,
                Task.UNCHECKED);
    }

    public void updateTask(Task task) {
        jdbc.sql("update tasks set name = ?, state = ? where id = ? and list_id = ?")
                .param(task.name()).param(task.state()).param(task.id()).param(task.listId()).update();
    }

    public void deleteTask(long listId, long taskId) {
        jdbc.sql("delete from tasks where id = ? and list_id = ?").param(taskId).param(listId).update();
    }
}
