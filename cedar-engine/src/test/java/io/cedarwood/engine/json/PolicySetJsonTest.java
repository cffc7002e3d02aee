package io.cedarwood.engine.json;

import io.cedarwood.engine.ast.ActionConstraint;
import io.cedarwood.engine.ast.Condition;
import io.cedarwood.engine.ast.Effect;
import io.cedarwood.engine.ast.EntityReference;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.ScopeConstraint;
import io.cedarwood.engine.ast.SlotId;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class PolicySetJsonTest {
    private static final String ALL = "{\"op\": \"All\"}";
    private static final String STATIC = "{\"effect\": \"permit\", \"principal\": {\"op\": \"==\", \"entity\": {\"type\": \"User\", \"id\": \"alice\"}}, "
            + "\"action\": " + ALL + ", \"resource\": " + ALL + ", \"conditions\": []}";
    private static final String TEMPLATE = "{\"effect\": \"forbid\", \"principal\": {\"op\": \"in\", \"slot\": \"?principal\"}, "
            + "\"action\": " + ALL + ", \"resource\": {\"op\": \"is\", \"entity_type\": \"Photo\", \"in\": {\"slot\": \"?resource\"}}, "
            + "\"conditions\": [{\"kind\": \"unless\", \"body\": {\"Value\": false}}]}";

    private static final EntityUid ALICE = EntityUid.of("User", "alice");
    private static final EntityUid ADMINS = EntityUid.of("Group", "admins");
    private static final EntityUid ALBUM = EntityUid.of("Album", "a");

    private static JsonFormatException error(String json) {
        Throwable t = catchThrowable(() -> CedarJson.readPolicySet(json));
        assertThat(t).isInstanceOf(JsonFormatException.class);
        return (JsonFormatException) t;
    }

    private static Policy template() {
        return Policy.builder(PolicyId.of("t"), Effect.FORBID)
                .principal(new ScopeConstraint.In(new EntityReference.Slot(SlotId.PRINCIPAL)))
                .resource(new ScopeConstraint.IsIn(EntityType.of("Photo"), new EntityReference.Slot(SlotId.RESOURCE)))
                .conditions(List.of(new Condition(Condition.Kind.UNLESS, new Expr.Literal(BoolValue.FALSE))))
                .build();
    }

    @Test
    void readStaticPoliciesTemplatesAndLinks() {
        PolicySet set = CedarJson.readPolicySet("""
                {"staticPolicies": {"s": %s},
                 "templates": {"t": %s},
                 "templateLinks": [{"templateId": "t", "newId": "l",
                                    "values": {"?principal": {"type": "Group", "id": "admins"},
                                               "?resource": {"__entity": {"type": "Album", "id": "a"}}}}]}"""
                .formatted(STATIC, TEMPLATE));
        Policy s = Policy.builder(PolicyId.of("s"), Effect.PERMIT)
                .principal(new ScopeConstraint.Eq(new EntityReference.Uid(ALICE))).build();
        PolicySet expected = PolicySet.of(List.of(s, template()))
                .link(PolicyId.of("t"), PolicyId.of("l"), Map.of(SlotId.PRINCIPAL, ADMINS, SlotId.RESOURCE, ALBUM));
        assertThat(set).isEqualTo(expected);
        assertThat(set.policy(PolicyId.of("l")).principal()).isEqualTo(new ScopeConstraint.In(new EntityReference.Uid(ADMINS)));
        assertThat(set.policy(PolicyId.of("l")).templateId()).contains(PolicyId.of("t"));
    }

    @Test
    void writePolicySetThenReadGivesItBack() {
        Policy s1 = Policy.builder(PolicyId.of("s1"), Effect.PERMIT).action(new ActionConstraint.In(List.of(EntityUid.of("Action", "v")))).build();
        Policy s2 = Policy.builder(PolicyId.of("policy \"2\""), Effect.FORBID).annotations(Map.of("id", "")).build();
        Policy t2 = Policy.builder(PolicyId.of("t2"), Effect.PERMIT)
                .principal(new ScopeConstraint.Eq(new EntityReference.Slot(SlotId.PRINCIPAL))).build();
        PolicySet set = PolicySet.of(List.of(s1, template(), s2, t2))
                .link(PolicyId.of("t"), PolicyId.of("l1"), Map.of(SlotId.PRINCIPAL, ADMINS, SlotId.RESOURCE, ALBUM))
                .link(PolicyId.of("t2"), PolicyId.of("l2"), Map.of(SlotId.PRINCIPAL, ALICE))
                .link(PolicyId.of("t"), PolicyId.of("l3"), Map.of(SlotId.PRINCIPAL, ALICE, SlotId.RESOURCE, ALBUM));
        String json = CedarJson.writePolicySet(set);
        assertThat(CedarJson.readPolicySet(json)).isEqualTo(set);
        assertThat(json.replaceAll("\\s+", "")).contains("\"templateLinks\":[{\"templateId\":\"t\",\"newId\":\"l1\","
                + "\"values\":{\"?principal\":{\"type\":\"Group\",\"id\":\"admins\"},\"?resource\":{\"type\":\"Album\",\"id\":\"a\"}}}");
    }

    @Test
    void writeEmptyPolicySet() {
        String json = CedarJson.writePolicySet(PolicySet.EMPTY);
        assertThat(json.replaceAll("\\s+", "")).isEqualTo("{\"staticPolicies\":{},\"templates\":{},\"templateLinks\":[]}");
        assertThat(CedarJson.readPolicySet(json)).isEqualTo(PolicySet.EMPTY);
    }

    @Test
    void readRequiresAllThreeKeysAndNoOthers() {
        assertThat(error("{\"staticPolicies\": {}, \"templates\": {}}").reason()).isEqualTo("missing required key `templateLinks`");
        assertThat(error("{\"staticPolicies\": {}, \"templates\": {}, \"templateLinks\": [], \"links\": []}").reason())
                .isEqualTo("unknown key `links`, expected one of `staticPolicies`, `templates`, `templateLinks`");
    }

    @Test
    void readWhenAStaticPolicyHasSlotsThenError() {
        JsonFormatException e = error("{\"staticPolicies\": {\"x\": %s}, \"templates\": {}, \"templateLinks\": []}".formatted(TEMPLATE));
        assertThat(e.reason()).startsWith("expected a static policy, found a template with the slot `?principal`");
        assertThat(e.path()).isEqualTo("$.staticPolicies.x");
    }

    @Test
    void readWhenIdsClashThenError() {
        JsonFormatException e = error("{\"staticPolicies\": {\"x\": %s}, \"templates\": {\"x\": %s}, \"templateLinks\": []}"
                .formatted(STATIC, TEMPLATE));
        assertThat(e.reason()).isEqualTo("duplicate policy id `x`");
        assertThat(e.path()).isEqualTo("$.templates.x");
        assertThat(error("{\"staticPolicies\": {\"x\": %s, \"x\": %s}, \"templates\": {}, \"templateLinks\": []}"
                .formatted(STATIC, STATIC)).reason()).isEqualTo("duplicate key `x`");
    }

    @Test
    void readWhenALinkDoesNotFitThenErrorAtTheLink() {
        String prefix = "{\"staticPolicies\": {\"s\": %s}, \"templates\": {\"t\": %s}, \"templateLinks\": [".formatted(STATIC, TEMPLATE);
        JsonFormatException missing = error(prefix + "{\"templateId\": \"t\", \"newId\": \"l\", \"values\": {\"?principal\": {\"type\": \"G\", \"id\": \"g\"}}}]}");
        assertThat(missing.reason()).isEqualTo("failed to link template `t`: no value provided for `?resource`");
        assertThat(missing.path()).isEqualTo("$.templateLinks[0]");
        assertThat(error(prefix + "{\"templateId\": \"nope\", \"newId\": \"l\", \"values\": {}}]}").reason())
                .isEqualTo("failed to find a template with id `nope`");
        assertThat(error(prefix + "{\"templateId\": \"t\", \"newId\": \"s\", \"values\": {}}]}").reason())
                .isEqualTo("template-linked policy id `s` conflicts with an existing policy id");
        JsonFormatException slot = error(prefix + "{\"templateId\": \"t\", \"newId\": \"l\", \"values\": {\"?other\": {\"type\": \"G\", \"id\": \"g\"}}}]}");
        assertThat(slot.reason()).isEqualTo("unknown slot `?other`, expected `?principal` or `?resource`");
        assertThat(slot.path()).isEqualTo("$.templateLinks[0].values");
        assertThat(error(prefix + "{\"templateId\": \"t\", \"newId\": \"l\", \"values\": {\"?principal\": \"G::\\\"g\\\"\"}}]}").path())
                .isEqualTo("$.templateLinks[0].values[\"?principal\"]");
        assertThat(error(prefix + "{\"templateId\": \"t\", \"newId\": \"l\"}]}").reason()).isEqualTo("missing required key `values`");
    }

    @Test
    void readPolicyErrorsSayWhichPolicy() {
        JsonFormatException e = error("{\"staticPolicies\": {\"bad one\": {\"effect\": \"permit\"}}, \"templates\": {}, \"templateLinks\": []}");
        assertThat(e.reason()).isEqualTo("missing required key `principal`");
        assertThat(e.path()).isEqualTo("$.staticPolicies[\"bad one\"]");
    }
}
