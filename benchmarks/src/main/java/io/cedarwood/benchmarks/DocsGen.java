package io.cedarwood.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A document-sharing application for the scaling, hierarchy and validation workloads: users in groups,
 * documents in folders, actions {@code view} and {@code delete}.
 */
final class DocsGen {
    static final String SCHEMA = """
            entity Group in [Group];
            entity User in [Group] { admin?: Bool };
            entity Folder in [Folder];
            entity Doc in [Folder] { owner: User, public?: Bool };
            action view, delete appliesTo { principal: [User], resource: [Doc], context: { level: Long } };
            """;

    private DocsGen() {
    }

    /**
     * {@code n} policies: two that apply to every user ({@code is}-scoped and unscoped, with conditions),
     * then one per index {@code i}: mostly {@code principal == User::"ui"} and {@code resource ==
     * Doc::"di"}, every tenth with a condition, every twentieth {@code in}-scoped on a group and a folder.
     */
    static String policies(int n) {
        StringBuilder sb = new StringBuilder();
        sb.append("permit(principal is User, action == Action::\"view\", resource) when { resource has public && resource.public };\n");
        sb.append("forbid(principal, action == Action::\"delete\", resource) unless { principal has admin && principal.admin };\n");
        for (int i = 2; i < n; i++) {
            if (i % 20 == 10) {
                sb.append("permit(principal in Group::\"g").append(i).append("\", action == Action::\"view\", resource in Folder::\"f")
                        .append(i).append("\");\n");
            } else if (i % 10 == 5) {
                sb.append("permit(principal == User::\"u").append(i).append("\", action == Action::\"view\", resource == Doc::\"d")
                        .append(i).append("\") when { context.level > 3 && resource.owner == principal };\n");
            } else {
                sb.append("permit(principal == User::\"u").append(i).append("\", action == Action::\"view\", resource == Doc::\"d")
                        .append(i).append("\");\n");
            }
        }
        return sb.toString();
    }

    /** The request of the scaling workload: matches exactly one of the per-index policies. */
    static Model.Case scalingCase(int n) {
        int k = n / 2 + 1; // 1 mod 10: a plain policy
        Model.Uid user = Model.Uid.of("User", "u" + k);
        Model.Uid group = Model.Uid.of("Group", "g" + k);
        Model.Uid doc = Model.Uid.of("Doc", "d" + k);
        Model.Uid folder = Model.Uid.of("Folder", "f" + k);
        List<Model.Ent> ents = List.of(
                new Model.Ent(user, Map.of(), List.of(group)),
                new Model.Ent(group, Map.of(), List.of()),
                new Model.Ent(doc, Map.of("owner", user), List.of(folder)),
                new Model.Ent(folder, Map.of(), List.of()));
        return new Model.Case(new Model.Req(user, Model.Uid.of("Action", "view"), doc, Map.of("level", 5L)), ents);
    }

    static final String HIERARCHY_POLICIES = """
            permit(principal in Group::"g0", action == Action::"view", resource in Folder::"root");
            forbid(principal in Group::"blocked", action, resource);
            permit(principal, action == Action::"delete", resource) when { resource.owner == principal };
            permit(principal is User, action == Action::"view", resource) when { resource has public && resource.public };
            """;

    /**
     * {@code size} entities: {@code User::"alice"} ten groups deep ({@code g9} in {@code g8} ... in
     * {@code g0}), {@code Doc::"target"} five folders deep under {@code Folder::"root"}, and other users
     * and documents spread over those groups and folders. The request: alice views the target.
     */
    static Model.Case hierarchyCase(int size) {
        Random rnd = new Random(7);
        List<Model.Ent> ents = new ArrayList<>();
        List<Model.Uid> groups = new ArrayList<>();
        for (int g = 0; g < 10; g++) {
            Model.Uid uid = Model.Uid.of("Group", "g" + g);
            ents.add(new Model.Ent(uid, Map.of(), g == 0 ? List.of() : List.of(groups.get(g - 1))));
            groups.add(uid);
        }
        ents.add(new Model.Ent(Model.Uid.of("Group", "blocked"), Map.of(), List.of()));
        List<Model.Uid> folders = new ArrayList<>();
        folders.add(Model.Uid.of("Folder", "root"));
        ents.add(new Model.Ent(folders.get(0), Map.of(), List.of()));
        for (int f = 1; f <= 5; f++) {
            Model.Uid uid = Model.Uid.of("Folder", "f" + f);
            ents.add(new Model.Ent(uid, Map.of(), List.of(folders.get(f - 1))));
            folders.add(uid);
        }
        Model.Uid alice = Model.Uid.of("User", "alice");
        ents.add(new Model.Ent(alice, Map.of(), List.of(groups.get(9))));
        Model.Uid target = Model.Uid.of("Doc", "target");
        ents.add(new Model.Ent(target, Map.of("owner", alice), List.of(folders.get(5))));
        int i = 0;
        while (ents.size() < size) {
            Model.Uid user = Model.Uid.of("User", "user" + i);
            ents.add(new Model.Ent(user, Map.of(), List.of(groups.get(rnd.nextInt(10)))));
            if (ents.size() < size) {
                ents.add(new Model.Ent(Model.Uid.of("Doc", "doc" + i), Map.of("owner", user),
                        List.of(folders.get(rnd.nextInt(folders.size())))));
            }
            i++;
        }
        return new Model.Case(new Model.Req(alice, Model.Uid.of("Action", "view"), target, Map.of("level", 1L)), ents);
    }
}
