package io.cedarwood.sample.tinytodo.cedar;

import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;
import io.cedarwood.sample.tinytodo.todo.Member;
import io.cedarwood.sample.tinytodo.todo.TodoStore;

import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * TinyTodo's Cedar entities, read from the database one at a time as a decision needs them (the
 * authorization service asks for each at most once per decision): a decision about a list reads that
 * list, its owner, and the teams on the way from the user to the list's readers and editors teams.
 *
 * <ul>
 *   <li>{@code User::"kesha"}: {@code location}, {@code joblevel}; parents: the teams kesha is in, and
 *       {@code Application::"TinyTodo"};</li>
 *   <li>{@code Team::"temp"}, {@code Team::"list-3-readers"}: parents: the teams it is in, and the
 *       application;</li>
 *   <li>{@code List::"3"}: {@code name}, {@code owner}, {@code readers}, {@code editors}; parent: the
 *       application;</li>
 *   <li>{@code Application::"TinyTodo"}.</li>
 * </ul>
 */
@Component
public class TinyTodoEntities implements EntityProvider {
    /** A list id as {@code Long.toString} writes a positive one: ASCII digits, no sign, no leading zero. */
    private static final Pattern CANONICAL_LIST_ID = Pattern.compile("[1-9][0-9]{0,17}");

    private final TodoStore store;

    public TinyTodoEntities(TodoStore store) {
        this.store = store;
    }

    @Override
    public Entity entity(EntityUid uid) {
        return switch (uid.type().name()) {
            case "User" -> user(uid);
            case "Team" -> team(uid);
            case "List" -> list(uid);
            case "Application" -> uid.equals(Permissions.APPLICATION) ? Entity.of(uid) : null;
            default -> null;
        };
    }

    private Entity user(EntityUid uid) {
        return store.person(uid.id())
                .map(p -> new Entity(uid,
                        Map.<String, Value>of("location", StringValue.of(p.location()),
                                "joblevel", LongValue.of(p.joblevel())),
                        parents(Member.Kind.USER, uid.id())))
                .orElse(null);
    }

    private Entity team(EntityUid uid) {
        if (!store.teamExists(uid.id())) {
            return null;
        }
        return new Entity(uid, Map.of(), parents(Member.Kind.TEAM, uid.id()));
    }

    private Entity list(EntityUid uid) {
        // only the id the application writes for a list (Long.toString): `List::"01"`, `"+1"`, `"١"` or
        // `"１"` are not list 1, or a policy about `List::"1"` could be dodged by spelling the id differently
        if (!CANONICAL_LIST_ID.matcher(uid.id()).matches()) {
            return null;
        }
        return store.list(Long.parseLong(uid.id()))
                .map(l -> new Entity(uid,
                        Map.<String, Value>of("name", StringValue.of(l.name()),
                                "owner", EntityUid.of("User", l.owner()),
                                "readers", EntityUid.of("Team", l.readers()),
                                "editors", EntityUid.of("Team", l.editors())),
                        Set.of(Permissions.APPLICATION)))
                .orElse(null);
    }

    private Set<EntityUid> parents(Member.Kind kind, String name) {
        Set<EntityUid> parents = new LinkedHashSet<>();
        for (String team : store.teamsOf(kind, name)) {
            parents.add(EntityUid.of("Team", team));
        }
        parents.add(Permissions.APPLICATION);
        return parents;
    }
}
