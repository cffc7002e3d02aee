package io.cedarwood.engine;

import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.Decision;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.authz.Response;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.value.EntityUid;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BatchAuthorizationTest {
    private static final EntityUid KESHA = EntityUid.of("User", "kesha");
    private static final EntityUid TEAM = EntityUid.of("Team", "t");
    private static final EntityUid VIEW = EntityUid.of("Action", "view");

    /** Counts the look-ups of each uid. */
    private static final class Counting implements EntityProvider {
        final Entities entities;
        final Map<EntityUid, Integer> entityCalls = new HashMap<>();
        final Map<EntityUid, Integer> ancestorCalls = new HashMap<>();

        Counting(Entities entities) {
            this.entities = entities;
        }

        @Override
        public Entity entity(EntityUid uid) {
            entityCalls.merge(uid, 1, Integer::sum);
            return entities.entity(uid);
        }

        @Override
        public Set<EntityUid> ancestors(EntityUid uid) {
            ancestorCalls.merge(uid, 1, Integer::sum);
            return entities.ancestors(uid);
        }
    }

    @Test
    void eachAnswerIsTheSingleAnswerAndThePrincipalIsLoadedOnce() {
        PolicySet policies = PolicySet.parse("""
                permit(principal in Team::"t", action == Action::"view", resource) when { principal.level > 1 };
                permit(principal, action, resource) when { resource.owner == principal };
                forbid(principal, action, resource) when { resource.locked };
                """);
        List<Entity> list = new ArrayList<>();
        list.add(new Entity(KESHA, Map.of("level", io.cedarwood.engine.value.LongValue.of(2)), Set.of(TEAM)));
        List<BatchRequest.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            EntityUid doc = EntityUid.of("Doc", "d" + i);
            list.add(new Entity(doc, Map.of("owner", i % 3 == 0 ? KESHA : TEAM,
                    "locked", io.cedarwood.engine.value.BoolValue.of(i % 5 == 0)), Set.of()));
            pairs.add(new BatchRequest.Pair(i % 2 == 0 ? VIEW : EntityUid.of("Action", "edit"), doc));
        }
        Entities entities = Entities.of(list);
        Counting counting = new Counting(entities);
        Authorizer authorizer = new Authorizer();
        List<Response> batch = authorizer.isAuthorizedBatch(new BatchRequest(KESHA, pairs), policies, counting);
        assertThat(batch).hasSize(pairs.size());
        int allows = 0;
        for (int i = 0; i < pairs.size(); i++) {
            Response single = authorizer.isAuthorized(new Request(KESHA, pairs.get(i).action(), pairs.get(i).resource()),
                    policies, entities);
            assertThat(batch.get(i)).as("pair %d", i).isEqualTo(single);
            allows += single.isAllowed() ? 1 : 0;
        }
        assertThat(allows).isBetween(1, pairs.size() - 1);
        assertThat(counting.entityCalls.getOrDefault(KESHA, 0)).isEqualTo(1);
        assertThat(counting.ancestorCalls.getOrDefault(KESHA, 0)).isEqualTo(1);
    }

    @Test
    void anEmptyBatchHasNoAnswers() {
        assertThat(new Authorizer().isAuthorizedBatch(new BatchRequest(KESHA, List.of()), PolicySet.EMPTY, Entities.EMPTY))
                .isEmpty();
    }
}
