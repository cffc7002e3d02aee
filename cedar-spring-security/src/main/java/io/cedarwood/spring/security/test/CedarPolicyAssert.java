package io.cedarwood.spring.security.test;

import io.cedarwood.engine.parser.PolicyParser;
import io.cedarwood.enforcement.CedarNames;
import io.cedarwood.enforcement.EnforcementDecision;
import io.cedarwood.enforcement.Enforcer;
import io.cedarwood.enforcement.PolicyBundle;
import io.cedarwood.enforcement.PolicyStore;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.Response;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.Value;

import org.assertj.core.api.AbstractAssert;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Assertions about what policies decide. Entities and context given with {@code with...} apply to the
 * checks that follow; the schema's action entities are always there. Uids are written as in a policy
 * ({@code User::"alice"}); actions may also be given by id ({@code GetList}).
 */
public final class CedarPolicyAssert extends AbstractAssert<CedarPolicyAssert, PolicyBundle> {
    private EntityProvider entities = Entities.EMPTY;
    private RecordValue context = RecordValue.EMPTY;
    private String actionType = "Action";
    private Response last;

    CedarPolicyAssert(PolicyBundle actual) {
        super(actual, CedarPolicyAssert.class);
        isNotNull();
    }

    public CedarPolicyAssert withEntities(EntityProvider entities) {
        this.entities = Objects.requireNonNull(entities, "entities");
        return this;
    }

    public CedarPolicyAssert withEntities(Entity... entities) {
        return withEntities(Entities.of(Arrays.asList(entities)));
    }

    public CedarPolicyAssert withContext(Map<String, ? extends Value> context) {
        this.context = RecordValue.of(context);
        return this;
    }

    /** The type of actions given by id alone; {@code Action} by default. */
    public CedarPolicyAssert withActionType(String actionType) {
        this.actionType = Objects.requireNonNull(actionType, "actionType");
        return this;
    }

    public CedarPolicyAssert allows(String principal, String action, String resource) {
        return allows(PolicyParser.parseEntityUid(principal), CedarNames.action(actionType, action), PolicyParser.parseEntityUid(resource));
    }

    public CedarPolicyAssert allows(EntityUid principal, EntityUid action, EntityUid resource) {
        Request request = new Request(principal, action, resource, context);
        last = decide(request);
        if (!last.isAllowed()) {
            failWithMessage("expected %s to be allowed, but it was denied%s", describe(request), explain(last));
        }
        return this;
    }

    public CedarPolicyAssert denies(String principal, String action, String resource) {
        return denies(PolicyParser.parseEntityUid(principal), CedarNames.action(actionType, action), PolicyParser.parseEntityUid(resource));
    }

    public CedarPolicyAssert denies(EntityUid principal, EntityUid action, EntityUid resource) {
        Request request = new Request(principal, action, resource, context);
        last = decide(request);
        if (last.isAllowed()) {
            failWithMessage("expected %s to be denied, but it was allowed%s", describe(request), explain(last));
        }
        return this;
    }

    /** The last decision's determining policies are exactly these (the permits of an allow, the forbids of a deny). */
    public CedarPolicyAssert because(String... policyIds) {
        Response response = requireLast();
        Set<PolicyId> expected = Arrays.stream(policyIds).map(PolicyId::of).collect(Collectors.toCollection(LinkedHashSet::new));
        if (!response.diagnostics().reason().equals(expected)) {
            failWithMessage("expected the decision to be determined by %s, but it was by %s", expected,
                    response.diagnostics().reason());
        }
        return this;
    }

    /** No policy failed to evaluate in the last decision. */
    public CedarPolicyAssert withoutErrors() {
        Response response = requireLast();
        if (!response.diagnostics().errors().isEmpty()) {
            failWithMessage("expected no policy to fail, but %s", response.diagnostics().errors());
        }
        return this;
    }

    private Response requireLast() {
        if (last == null) {
            throw new IllegalStateException("call allows(...) or denies(...) first");
        }
        return last;
    }

    private Response decide(Request request) {
        EnforcementDecision d = Enforcer.builder(PolicyStore.of(actual)).entities(entities).build()
                .decide("test", () -> Entity.of(request.principal()), request.action(), request.resource(), request::context);
        return d.response().orElseThrow(() -> new AssertionError("the decision failed: " + d.failure().orElse("")));
    }

    private static String describe(Request r) {
        return "principal " + r.principal() + ", action " + r.action() + ", resource " + r.resource();
    }

    private static String explain(Response r) {
        List<String> parts = new ArrayList<>();
        parts.add(r.diagnostics().reason().isEmpty() ? "no policy applied"
                : "determined by " + r.diagnostics().reason());
        if (!r.diagnostics().errors().isEmpty()) {
            parts.add("policies that failed: " + r.diagnostics().errors());
        }
        return " (" + String.join("; ", parts) + ")";
    }
}
