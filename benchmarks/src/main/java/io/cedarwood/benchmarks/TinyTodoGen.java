package io.cedarwood.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * TinyTodo inputs in the manner of the Cedar paper's benchmark (OOPSLA 2024): each request comes with its
 * own generated store of users, teams (a random team hierarchy) and lists (an owner, a readers team and an
 * editors team, a few tasks), all under the one {@code Application::"TinyTodo"}. The same seed gives the
 * same cases.
 */
final class TinyTodoGen {
    static final List<String> ACTIONS = List.of("CreateList", "GetLists", "GetList", "UpdateList", "DeleteList",
            "CreateTask", "UpdateTask", "DeleteTask", "EditShare");
    static final Model.Uid APP = Model.Uid.of("Application", "TinyTodo");
    private static final List<String> LOCATIONS = List.of("ABC17", "DEF33", "XYZ77", "DEF01");

    private TinyTodoGen() {
    }

    /** The directory of the shipped TinyTodo files: system property {@code cedar.tinytodo.dir}, default {@code ../shared/tinytodo}. */
    static Path dir() {
        return Path.of(System.getProperty("cedar.tinytodo.dir", "../shared/tinytodo"));
    }

    static String read(String file) {
        Path p = dir().resolve(file);
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p.toAbsolutePath()
                    + " (set -Dcedar.tinytodo.dir to the directory of the TinyTodo policies and schema)", e);
        }
    }

    /** The shipped policies: {@code 4} (policies.cedar) or {@code 7} (policies-all-enabled.cedar). */
    static String policies(String variant) {
        return switch (variant) {
            case "4" -> read("policies.cedar");
            case "7" -> read("policies-all-enabled.cedar");
            default -> throw new IllegalArgumentException("policies must be 4 or 7, not " + variant);
        };
    }

    static List<Model.Case> cases(int count, int entitiesPerRequest, long seed) {
        Random rnd = new Random(seed);
        List<Model.Case> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cases.add(oneCase(rnd, entitiesPerRequest));
        }
        return cases;
    }

    private static Model.Case oneCase(Random rnd, int n) {
        int lists = Math.max(1, n / 4);
        int teams = Math.max(1, n / 4);
        int users = Math.max(1, n - 1 - lists - teams);
        List<Model.Ent> ents = new ArrayList<>();
        ents.add(new Model.Ent(APP, Map.of(), List.of()));
        List<Model.Uid> teamUids = new ArrayList<>();
        for (int t = 0; t < teams; t++) {
            // the first teams are the ones the 7-policy variant names
            String id = t == 0 ? "admin" : t == 1 ? "interns" : t == 2 ? "temp" : "team" + t;
            Model.Uid uid = Model.Uid.of("Team", id);
            List<Model.Uid> parents = new ArrayList<>(List.of(APP));
            if (t > 0 && rnd.nextBoolean()) {
                parents.add(teamUids.get(rnd.nextInt(t)));
            }
            teamUids.add(uid);
            ents.add(new Model.Ent(uid, Map.of(), parents));
        }
        List<Model.Uid> userUids = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            Model.Uid uid = Model.Uid.of("User", "user" + u);
            List<Model.Uid> parents = new ArrayList<>(List.of(APP));
            int memberships = 1 + rnd.nextInt(2);
            for (int m = 0; m < memberships; m++) {
                Model.Uid team = teamUids.get(rnd.nextInt(teams));
                if (!parents.contains(team)) {
                    parents.add(team);
                }
            }
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("joblevel", (long) (1 + rnd.nextInt(10)));
            attrs.put("location", LOCATIONS.get(rnd.nextInt(LOCATIONS.size())));
            userUids.add(uid);
            ents.add(new Model.Ent(uid, attrs, parents));
        }
        List<Model.Uid> listUids = new ArrayList<>();
        for (int l = 0; l < lists; l++) {
            Model.Uid uid = Model.Uid.of("List", "list" + l);
            List<Object> tasks = new ArrayList<>();
            int taskCount = rnd.nextInt(4);
            for (int k = 0; k < taskCount; k++) {
                Map<String, Object> task = new LinkedHashMap<>();
                task.put("id", (long) k);
                task.put("name", "task " + k);
                task.put("state", rnd.nextBoolean() ? "checked" : "unchecked");
                tasks.add(task);
            }
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("name", "list " + l);
            attrs.put("owner", userUids.get(rnd.nextInt(users)));
            attrs.put("readers", teamUids.get(rnd.nextInt(teams)));
            attrs.put("editors", teamUids.get(rnd.nextInt(teams)));
            attrs.put("tasks", tasks);
            listUids.add(uid);
            ents.add(new Model.Ent(uid, attrs, List.of(APP)));
        }
        String action = ACTIONS.get(rnd.nextInt(ACTIONS.size()));
        Model.Uid resource = action.equals("CreateList") || action.equals("GetLists")
                ? APP : listUids.get(rnd.nextInt(lists));
        Model.Req req = new Model.Req(userUids.get(rnd.nextInt(users)), Model.Uid.of("Action", action), resource, Map.of());
        return new Model.Case(req, ents);
    }
}
