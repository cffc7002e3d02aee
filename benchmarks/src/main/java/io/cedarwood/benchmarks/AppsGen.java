package io.cedarwood.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The Cedar paper's two other applications, re-created in their spirit (not their code): a GitHub-like
 * one (repositories with nested permission groups readers > triagers > writers > maintainers > admins,
 * issues with a reporter, users in teams) and a Google-Drive-like one (documents in nested folders, with
 * an owner, viewer and editor groups and a public flag; users in nested groups, each with a home folder).
 * Each request comes with its own generated store of about {@code n} entities.
 */
final class AppsGen {
    static final String GITHUB_POLICIES = """
            permit(principal, action in [Action::"pull", Action::"fork"], resource is Repository)
            when { principal in resource.readers };
            permit(principal, action == Action::"push", resource is Repository)
            when { principal in resource.writers };
            permit(principal, action in [Action::"add_reader", Action::"add_writer"], resource is Repository)
            when { principal in resource.admins };
            permit(principal, action in [Action::"edit_issue", Action::"delete_issue"], resource is Issue)
            when { principal == resource.reporter && principal in resource.repo.readers };
            permit(principal, action == Action::"assign_issue", resource is Issue)
            when { principal in resource.repo.triagers };
            forbid(principal, action == Action::"push", resource is Repository)
            when { resource.archived };
            """;

    static final String GDRIVE_POLICIES = """
            permit(principal, action, resource is Document)
            when { resource.owner == principal };
            permit(principal, action == Action::"viewDocument", resource is Document)
            when { resource.isPublic || principal in resource.viewers || principal in resource.editors };
            permit(principal, action == Action::"editDocument", resource is Document)
            when { principal in resource.editors };
            permit(principal, action in [Action::"viewDocument", Action::"editDocument"], resource)
            when { resource in principal.home };
            forbid(principal, action == Action::"deleteDocument", resource is Document)
            unless { resource.owner == principal };
            """;

    private static final List<String> REPO_ACTIONS = List.of("pull", "fork", "push", "add_reader", "add_writer");
    private static final List<String> ISSUE_ACTIONS = List.of("edit_issue", "delete_issue", "assign_issue");
    private static final List<String> DOC_ACTIONS = List.of("viewDocument", "editDocument", "deleteDocument", "shareDocument");
    private static final List<String> ROLES = List.of("readers", "triagers", "writers", "maintainers", "admins");

    private AppsGen() {
    }

    static String policies(String app) {
        return switch (app) {
            case "github" -> GITHUB_POLICIES;
            case "gdrive" -> GDRIVE_POLICIES;
            default -> throw new IllegalArgumentException("app must be github or gdrive, not " + app);
        };
    }

    static List<Model.Case> cases(String app, int count, int n, long seed) {
        Random rnd = new Random(seed);
        List<Model.Case> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cases.add(app.equals("github") ? github(rnd, n) : gdrive(rnd, n));
        }
        return cases;
    }

    private static Model.Case github(Random rnd, int n) {
        int repos = Math.max(1, n / 10);
        int issues = Math.max(1, n / 10);
        int teams = Math.max(1, n / 10);
        int users = Math.max(1, n - repos * 6 - issues - teams);
        List<Model.Ent> ents = new ArrayList<>();
        List<Model.Uid> groups = new ArrayList<>();
        List<Model.Uid> repoUids = new ArrayList<>();
        for (int r = 0; r < repos; r++) {
            Map<String, Object> attrs = new LinkedHashMap<>();
            Model.Uid previous = null;
            // admins in maintainers in writers in triagers in readers: each role has the ones below it
            List<Model.Uid> roleUids = new ArrayList<>();
            for (String role : ROLES) {
                roleUids.add(Model.Uid.of("UserGroup", "repo" + r + "-" + role));
            }
            for (int k = 0; k < ROLES.size(); k++) {
                Model.Uid uid = roleUids.get(k);
                ents.add(new Model.Ent(uid, Map.of(), previous == null ? List.of() : List.of(previous)));
                previous = uid;
                attrs.put(ROLES.get(k), uid);
                groups.add(uid);
            }
            attrs.put("archived", rnd.nextInt(5) == 0);
            Model.Uid repo = Model.Uid.of("Repository", "repo" + r);
            ents.add(new Model.Ent(repo, attrs, List.of()));
            repoUids.add(repo);
        }
        List<Model.Uid> teamUids = new ArrayList<>();
        for (int t = 0; t < teams; t++) {
            Model.Uid uid = Model.Uid.of("Team", "team" + t);
            List<Model.Uid> parents = new ArrayList<>();
            parents.add(groups.get(rnd.nextInt(groups.size())));
            if (t > 0 && rnd.nextBoolean()) {
                parents.add(teamUids.get(rnd.nextInt(t)));
            }
            ents.add(new Model.Ent(uid, Map.of(), parents));
            teamUids.add(uid);
        }
        List<Model.Uid> userUids = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            Model.Uid uid = Model.Uid.of("User", "user" + u);
            List<Model.Uid> parents = new ArrayList<>();
            parents.add(teamUids.get(rnd.nextInt(teams)));
            Model.Uid group = groups.get(rnd.nextInt(groups.size()));
            if (!parents.contains(group)) {
                parents.add(group);
            }
            ents.add(new Model.Ent(uid, Map.of(), parents));
            userUids.add(uid);
        }
        List<Model.Uid> issueUids = new ArrayList<>();
        for (int i = 0; i < issues; i++) {
            Model.Uid uid = Model.Uid.of("Issue", "issue" + i);
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("repo", repoUids.get(rnd.nextInt(repos)));
            attrs.put("reporter", userUids.get(rnd.nextInt(users)));
            ents.add(new Model.Ent(uid, attrs, List.of()));
            issueUids.add(uid);
        }
        boolean onIssue = rnd.nextInt(3) == 0;
        String action = onIssue ? pick(rnd, ISSUE_ACTIONS) : pick(rnd, REPO_ACTIONS);
        Model.Uid resource = onIssue ? pick(rnd, issueUids) : pick(rnd, repoUids);
        return new Model.Case(new Model.Req(pick(rnd, userUids), Model.Uid.of("Action", action), resource, Map.of()), ents);
    }

    private static Model.Case gdrive(Random rnd, int n) {
        int groups = Math.max(1, n / 8);
        int folders = Math.max(1, n / 8);
        int docs = Math.max(1, n / 4);
        int users = Math.max(1, n - groups - folders - docs);
        List<Model.Ent> ents = new ArrayList<>();
        List<Model.Uid> groupUids = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            Model.Uid uid = Model.Uid.of("Group", "group" + g);
            ents.add(new Model.Ent(uid, Map.of(), g > 0 && rnd.nextBoolean() ? List.of(pick(rnd, groupUids)) : List.of()));
            groupUids.add(uid);
        }
        List<Model.Uid> folderUids = new ArrayList<>();
        for (int f = 0; f < folders; f++) {
            Model.Uid uid = Model.Uid.of("Folder", "folder" + f);
            ents.add(new Model.Ent(uid, Map.of(), f > 0 ? List.of(pick(rnd, folderUids)) : List.of()));
            folderUids.add(uid);
        }
        List<Model.Uid> userUids = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            Model.Uid uid = Model.Uid.of("User", "user" + u);
            ents.add(new Model.Ent(uid, Map.of("home", pick(rnd, folderUids)), List.of(pick(rnd, groupUids))));
            userUids.add(uid);
        }
        List<Model.Uid> docUids = new ArrayList<>();
        for (int d = 0; d < docs; d++) {
            Model.Uid uid = Model.Uid.of("Document", "doc" + d);
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("owner", pick(rnd, userUids));
            attrs.put("isPublic", rnd.nextInt(4) == 0);
            attrs.put("viewers", pick(rnd, groupUids));
            attrs.put("editors", pick(rnd, groupUids));
            ents.add(new Model.Ent(uid, attrs, List.of(pick(rnd, folderUids))));
            docUids.add(uid);
        }
        Model.Req req = new Model.Req(pick(rnd, userUids), Model.Uid.of("Action", pick(rnd, DOC_ACTIONS)),
                pick(rnd, docUids), Map.of());
        return new Model.Case(req, ents);
    }

    private static <T> T pick(Random rnd, List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }
}
