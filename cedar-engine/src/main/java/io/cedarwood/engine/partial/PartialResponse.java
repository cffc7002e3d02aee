package io.cedarwood.engine.partial;

import io.cedarwood.engine.authz.AuthorizationError;
import io.cedarwood.engine.authz.Decision;
import io.cedarwood.engine.authz.Diagnostics;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.Response;
import io.cedarwood.engine.ast.Effect;
import io.cedarwood.engine.value.EvaluationException;
import io.cedarwood.engine.eval.Evaluator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The answer of partial authorization. Each policy of the set is, in the reference's words, satisfied
 * (its residual is {@code true} whatever the unknowns are), false, errored (it errors whatever they are) or
 * a residual (it depends on them). The decision is known when the known parts decide it: a satisfied forbid
 * denies; no satisfied or residual permit denies; a satisfied permit with no satisfied or residual forbid
 * allows. Otherwise it is unknown and the residual policies say what it depends on.
 *
 * <p>Sound, the property the reference proves for its typed partial evaluator and that this project checks
 * on generated inputs: for every completion of the unknowns, {@link #reauthorize} gives the decision, the
 * determining policies and the erroring policies that {@code Authorizer.isAuthorized} gives on the completed
 * request and entities.
 */
public final class PartialResponse {
    private final Optional<Decision> decision;
    private final List<ResidualPolicy> satisfied;
    private final List<ResidualPolicy> falsified;
    private final List<AuthorizationError> errors;
    private final List<ResidualPolicy> residuals;

    PartialResponse(List<ResidualPolicy> satisfied, List<ResidualPolicy> falsified, List<AuthorizationError> errors,
            List<ResidualPolicy> residuals) {
        this.satisfied = List.copyOf(satisfied);
        this.falsified = List.copyOf(falsified);
        this.errors = List.copyOf(errors);
        this.residuals = List.copyOf(residuals);
        boolean satisfiedForbid = any(this.satisfied, Effect.FORBID);
        boolean satisfiedPermit = any(this.satisfied, Effect.PERMIT);
        boolean residualForbid = any(this.residuals, Effect.FORBID);
        boolean residualPermit = any(this.residuals, Effect.PERMIT);
        if (satisfiedForbid || (!satisfiedPermit && !residualPermit)) {
            decision = Optional.of(Decision.DENY);
        } else if (satisfiedPermit && !residualForbid) {
            decision = Optional.of(Decision.ALLOW);
        } else {
            decision = Optional.empty();
        }
    }

    private static boolean any(List<ResidualPolicy> policies, Effect effect) {
        for (ResidualPolicy p : policies) {
            if (p.effect() == effect) {
                return true;
            }
        }
        return false;
    }

    private static Set<PolicyId> ids(List<ResidualPolicy> policies, Effect effect) {
        Set<PolicyId> out = new LinkedHashSet<>();
        for (ResidualPolicy p : policies) {
            if (effect == null || p.effect() == effect) {
                out.add(p.id());
            }
        }
        return out;
    }

    /** {@code ALLOW} or {@code DENY} when the known parts decide; empty when the decision depends on the unknowns. */
    public Optional<Decision> decision() {
        return decision;
    }

    /** The policies satisfied whatever the unknowns are (their residual is {@code true}). */
    public Set<PolicyId> satisfied() {
        return Collections.unmodifiableSet(ids(satisfied, null));
    }

    /** The policies not satisfied whatever the unknowns are, without an error. */
    public Set<PolicyId> falsified() {
        return Collections.unmodifiableSet(ids(falsified, null));
    }

    /** The policies that error whatever the unknowns are, each with the error, in policy-set order. */
    public List<AuthorizationError> errors() {
        return errors;
    }

    /** The ids of {@link #errors()}. */
    public Set<PolicyId> errored() {
        Set<PolicyId> out = new LinkedHashSet<>();
        for (AuthorizationError e : errors) {
            out.add(e.policyId());
        }
        return Collections.unmodifiableSet(out);
    }

    /** The policies that depend on the unknowns (the reference's non-trivial residuals), in policy-set order. */
    public List<ResidualPolicy> residuals() {
        return residuals;
    }

    /**
     * Every policy that is not errored as a residual: the satisfied ones as {@code true}, the false ones as
     * {@code false}, and the non-trivial residuals.
     */
    public List<ResidualPolicy> allResiduals() {
        List<ResidualPolicy> out = new ArrayList<>(satisfied);
        out.addAll(falsified);
        out.addAll(residuals);
        return Collections.unmodifiableList(out);
    }

    /**
     * The policies that may determine the decision for some completion (an over-approximation, as the
     * reference computes it): with a satisfied forbid, the satisfied and residual forbids; otherwise the
     * satisfied permits and every residual.
     */
    public Set<PolicyId> mayBeDetermining() {
        Set<PolicyId> out = new LinkedHashSet<>();
        if (any(satisfied, Effect.FORBID)) {
            out.addAll(ids(satisfied, Effect.FORBID));
            out.addAll(ids(residuals, Effect.FORBID));
        } else {
            out.addAll(ids(satisfied, Effect.PERMIT));
            out.addAll(ids(residuals, Effect.PERMIT));
            out.addAll(ids(residuals, Effect.FORBID));
        }
        return Collections.unmodifiableSet(out);
    }

    /**
     * The policies that determine the decision for every completion (an under-approximation, as the
     * reference computes it): with no satisfied or residual forbid, the satisfied permits; otherwise the
     * satisfied forbids.
     */
    public Set<PolicyId> mustBeDetermining() {
        if (!any(satisfied, Effect.FORBID) && !any(residuals, Effect.FORBID)) {
            return Collections.unmodifiableSet(ids(satisfied, Effect.PERMIT));
        }
        return Collections.unmodifiableSet(ids(satisfied, Effect.FORBID));
    }

    /**
     * The concrete answer for a completion of the unknowns: {@code request} and {@code entities} must agree
     * with every known part of the partial request and entities this response came from. The errored
     * policies are reported with the errors found during partial evaluation.
     */
    public Response reauthorize(Request request, EntityProvider entities) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(entities, "entities");
        Set<PolicyId> permits = ids(satisfied, Effect.PERMIT);
        Set<PolicyId> forbids = ids(satisfied, Effect.FORBID);
        List<AuthorizationError> errorList = new ArrayList<>(errors);
        for (ResidualPolicy residual : residuals) {
            boolean holds;
            Policy policy = residual.toPolicy();
            try {
                holds = Evaluator.isSatisfied(policy, request, entities);
            } catch (EvaluationException e) {
                errorList.add(AuthorizationError.of(policy, e));
                continue;
            }
            if (holds) {
                (residual.effect() == Effect.PERMIT ? permits : forbids).add(residual.id());
            }
        }
        if (!forbids.isEmpty()) {
            return new Response(Decision.DENY, new Diagnostics(forbids, errorList));
        } else if (!permits.isEmpty()) {
            return new Response(Decision.ALLOW, new Diagnostics(permits, errorList));
        }
        return new Response(Decision.DENY, new Diagnostics(Set.of(), errorList));
    }

    @Override
    public String toString() {
        return "PartialResponse[decision=" + decision.map(Decision::name).orElse("UNKNOWN") + ", satisfied="
                + satisfied() + ", errored=" + errored() + ", residuals=" + ids(residuals, null) + "]";
    }
}
