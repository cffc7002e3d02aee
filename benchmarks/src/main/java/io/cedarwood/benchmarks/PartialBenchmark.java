package io.cedarwood.benchmarks;

import com.cedarpolicy.model.PartialAuthorizationRequest;
import com.cedarpolicy.model.PartialAuthorizationResponse;
import com.cedarpolicy.model.exception.AuthException;
import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.BatchRequest;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.Response;
import io.cedarwood.engine.partial.PartialEntityProvider;
import io.cedarwood.engine.partial.PartialRequest;
import io.cedarwood.engine.partial.PartialResponse;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.RecordValue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * "Which lists may this user see?" in TinyTodo: one store of 4,000 entities (1,000 lists, 1,000 teams, about
 * 2,000 users), one user, the action {@code GetList}.
 * <ul>
 * <li>{@code partialGetList}: one partial authorization with the resource unknown, giving the residual
 *     policies over {@code resource} (cedar-java's {@code isAuthorizedPartial} is given the user and the
 *     entities it is in, all its answer can depend on, since the resource is unknown);</li>
 * <li>{@code batch1000} against {@code single1000}: the 1,000 lists asked one by one, in one batch call or in
 *     1,000 {@code isAuthorized} calls (cedar-java has no batch call).</li>
 * </ul>
 * Before measuring, the batch is checked to equal the single calls and the partial answers of both engines
 * to agree on the decision and on which policies are residuals.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class PartialBenchmark {
    private static final int ENTITIES = 4000;

    @Param({"4", "7"})
    public String policies;

    final Authorizer authorizer = new Authorizer();
    PolicySet ourPolicies;
    Entities ourEntities;
    PartialEntityProvider ourPartialEntities;
    PartialRequest ourPartial;
    BatchRequest batch;
    List<Request> singles;
    com.cedarpolicy.model.policy.PolicySet theirPolicies;
    PartialAuthorizationRequest theirPartial;
    Set<com.cedarpolicy.model.entity.Entity> theirPrincipalSlice;

    @Setup
    public void setUp() {
        String text = TinyTodoGen.policies(policies);
        Model.Case store = TinyTodoGen.cases(1, ENTITIES, 4242).get(0);
        ourPolicies = PolicySet.parse(text);
        ourEntities = Cedarwood.entities(store.entities());
        ourPartialEntities = PartialEntityProvider.of(ourEntities);
        Model.Uid user = store.request().principal();
        EntityUid principal = Cedarwood.uid(user);
        EntityUid getList = EntityUid.of("Action", "GetList");
        ourPartial = PartialRequest.builder().principal(principal).action(getList).context(RecordValue.EMPTY).build();
        List<BatchRequest.Pair> pairs = new ArrayList<>();
        singles = new ArrayList<>();
        for (Model.Ent e : store.entities()) {
            if (e.uid().type().equals("List")) {
                pairs.add(new BatchRequest.Pair(getList, Cedarwood.uid(e.uid())));
                singles.add(new Request(principal, getList, Cedarwood.uid(e.uid())));
            }
        }
        batch = new BatchRequest(principal, pairs);
        List<Response> batched = authorizer.isAuthorizedBatch(batch, ourPolicies, ourEntities);
        int allowed = 0;
        for (int i = 0; i < singles.size(); i++) {
            Response single = authorizer.isAuthorized(singles.get(i), ourPolicies, ourEntities);
            if (!single.equals(batched.get(i))) {
                throw new IllegalStateException("batch and single answers differ on " + singles.get(i));
            }
            allowed += single.isAllowed() ? 1 : 0;
        }

        theirPolicies = CedarJava.policies(text);
        theirPartial = PartialAuthorizationRequest.builder().principal(CedarJava.uid(user))
                .action(CedarJava.uid(Model.Uid.of("Action", "GetList"))).emptyContext().build();
        List<Model.Ent> slice = new ArrayList<>();
        Set<EntityUid> ancestors = ourEntities.ancestors(principal);
        for (Model.Ent e : store.entities()) {
            EntityUid uid = Cedarwood.uid(e.uid());
            if (uid.equals(principal) || ancestors.contains(uid)) {
                slice.add(e);
            }
        }
        theirPrincipalSlice = CedarJava.entities(slice);
        String ours = summary(authorizer.isAuthorizedPartial(ourPartial, ourPolicies, ourPartialEntities));
        String theirs = summary(theirPartial());
        if (!ours.equals(theirs)) {
            throw new IllegalStateException("partial answers differ: cedarwood " + ours + ", cedar-java " + theirs);
        }
        System.out.println("TinyTodo GetList, " + policies + " policies, " + ENTITIES + " entities: " + singles.size()
                + " lists, " + allowed + " allowed, batch equals single; both engines' partial answers: " + ours);
    }

    private static String summary(PartialResponse r) {
        Set<String> residuals = new TreeSet<>();
        r.residuals().forEach(p -> residuals.add(p.id().value()));
        return r.decision().map(d -> d.toString().toLowerCase()).orElse("unknown") + " residuals=" + residuals;
    }

    private static String summary(PartialAuthorizationResponse r) {
        var s = r.success.orElseThrow(() -> new IllegalStateException("cedar-java failed: " + r));
        return (s.getDecision() == null ? "unknown" : s.getDecision().toString().toLowerCase())
                + " residuals=" + new TreeSet<>(s.getNontrivialResiduals());
    }

    private PartialAuthorizationResponse theirPartial() {
        try {
            return CedarJava.ENGINE.isAuthorizedPartial(theirPartial, theirPolicies, theirPrincipalSlice);
        } catch (AuthException e) {
            throw new IllegalStateException(e);
        }
    }

    @Benchmark
    public PartialResponse partialGetListCedarwood() {
        return authorizer.isAuthorizedPartial(ourPartial, ourPolicies, ourPartialEntities);
    }

    @Benchmark
    public PartialAuthorizationResponse partialGetListCedarJava() {
        return theirPartial();
    }

    @Benchmark
    public List<Response> batch1000() {
        return authorizer.isAuthorizedBatch(batch, ourPolicies, ourEntities);
    }

    @Benchmark
    public int single1000() {
        int allowed = 0;
        for (Request r : singles) {
            allowed += authorizer.isAuthorized(r, ourPolicies, ourEntities).isAllowed() ? 1 : 0;
        }
        return allowed;
    }
}
