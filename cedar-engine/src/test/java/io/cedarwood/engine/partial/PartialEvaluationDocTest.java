package io.cedarwood.engine.partial;

import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.authz.Decision;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.ast.Effect;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.RecordValue;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The snippet of {@code docs/partial-evaluation.md}, run. */
class PartialEvaluationDocTest {
    @Test
    void theSnippetWorks() {
        EntityUid kesha = EntityUid.of("User", "kesha");
        EntityUid getList = EntityUid.of("Action", "GetList");
        EntityUid list = EntityUid.of("List", "l1");
        PolicySet policies = PolicySet.parse("permit(principal, action, resource is List) when { resource.owner == principal };");
        Entities entities = Entities.of(List.of(Entity.of(kesha), new Entity(list, Map.of("owner", kesha), Set.of())));

        PartialResponse response = new Authorizer().isAuthorizedPartial(
                PartialRequest.builder().principal(kesha).action(getList).context(RecordValue.EMPTY).build(),
                policies, PartialEntityProvider.of(entities));
        assertThat(response.decision()).isEmpty();
        for (ResidualPolicy r : response.residuals()) {
            assertThat(r.effect()).isEqualTo(Effect.PERMIT);
            assertThat(r.condition().toCedar()).isEqualTo("resource is List && resource.owner == User::\"kesha\"");
            assertThat(r.toCedar()).startsWith("permit");
        }
        assertThat(response.reauthorize(new Request(kesha, getList, list), entities).decision()).isEqualTo(Decision.ALLOW);
    }
}
