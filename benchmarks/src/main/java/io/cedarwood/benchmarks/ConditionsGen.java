package io.cedarwood.benchmarks;

import java.util.List;
import java.util.Map;

/**
 * Policies whose scopes constrain nothing, so that the scope index cannot tell them apart: what tells
 * them apart is the first test of their {@code when} condition, each with its own value (a department, a
 * tag, a group, an owner). Two more test nothing a request can be looked up by ({@code resource.owner ==
 * principal}, {@code context.level > 9}) and apply to every request.
 */
final class ConditionsGen {
    private ConditionsGen() {
    }

    /**
     * {@code n} policies: the two that apply to every request, then one per index {@code i}, in turn
     * {@code principal.dept == "di"}, {@code resource.tags.contains("ti")}, {@code principal in
     * Group::"gi"} and (a forbid) {@code resource.owner == User::"ui"}, each followed by {@code &&} and a
     * second test.
     */
    static String policies(int n) {
        StringBuilder sb = new StringBuilder();
        sb.append("permit(principal, action, resource) when { resource.owner == principal && context.level > 3 };\n");
        sb.append("forbid(principal, action, resource) when { context.level > 9 };\n");
        for (int i = 2; i < n; i++) {
            switch (i % 4) {
                case 0 -> sb.append("permit(principal, action, resource) when { principal.dept == \"d").append(i)
                        .append("\" && context.level > 3 };\n");
                case 1 -> sb.append("permit(principal, action, resource) when { resource.tags.contains(\"t").append(i)
                        .append("\") && resource.owner == principal };\n");
                case 2 -> sb.append("permit(principal, action, resource) when { principal in Group::\"g").append(i)
                        .append("\" && context.level > 3 };\n");
                default -> sb.append("forbid(principal, action, resource) when { resource.owner == User::\"u").append(i)
                        .append("\" && context.level > 7 };\n");
            }
        }
        return sb.toString();
    }

    /**
     * The request: its principal has the department of one policy, is in the group of the next, owns the
     * resource, which has the tag of the one between; the forbid naming the owner does not hold (level 5).
     * Satisfied: the first policy and the three per-index permits of indices {@code b} to {@code b + 2}.
     */
    static Model.Case request(int n) {
        int b = Math.max(4, n / 2 / 4 * 4);
        Model.Uid user = Model.Uid.of("User", "u" + (b + 3));
        Model.Uid group = Model.Uid.of("Group", "g" + (b + 2));
        Model.Uid doc = Model.Uid.of("Doc", "doc");
        List<Model.Ent> ents = List.of(
                new Model.Ent(user, Map.of("dept", "d" + b), List.of(group)),
                new Model.Ent(group, Map.of(), List.of()),
                new Model.Ent(doc, Map.of("owner", user, "tags", List.of("t" + (b + 1), "t1")), List.of()));
        return new Model.Case(new Model.Req(user, Model.Uid.of("Action", "view"), doc, Map.of("level", 5L)), ents);
    }
}
