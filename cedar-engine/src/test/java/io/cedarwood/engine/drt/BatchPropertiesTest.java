package io.cedarwood.engine.drt;

import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.BatchRequest;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Batch authorization equals single authorization, on generated inputs. */
class BatchPropertiesTest {
    private static final int CASES = 1500;
    private static final Authorizer AUTHORIZER = new Authorizer();

    @Test
    void batchAnswersEqualSingleAnswers() {
        int compared = 0;
        for (int i = 0; i < CASES; i++) {
            Rng rng = new Rng(Rng.caseSeed(14_014L, 0, i));
            PartialCase c = PartialCase.generate(rng);
            List<Request> requests = c.source().requests();
            Request first = requests.get(0);
            List<BatchRequest.Pair> pairs = new ArrayList<>();
            for (Request r : requests) {
                pairs.add(new BatchRequest.Pair(r.action(), r.resource()));
            }
            List<Response> batch = AUTHORIZER.isAuthorizedBatch(new BatchRequest(first.principal(), first.context(), pairs),
                    c.policies(), c.entities());
            for (int k = 0; k < pairs.size(); k++) {
                Response single = AUTHORIZER.isAuthorized(new Request(first.principal(), pairs.get(k).action(),
                        pairs.get(k).resource(), first.context()), c.policies(), c.entities());
                assertThat(batch.get(k)).as("case %d, pair %d", i, k).isEqualTo(single);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(CASES * 8);
    }
}
