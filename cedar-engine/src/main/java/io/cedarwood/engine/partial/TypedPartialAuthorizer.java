package io.cedarwood.engine.partial;

import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.schema.RequestValidationException;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.validation.ValidationError;
import io.cedarwood.engine.validation.ValidationMode;
import io.cedarwood.engine.validation.ValidationResult;
import io.cedarwood.engine.validation.PolicyValidator;
import io.cedarwood.engine.ast.Expr;
import io.cedarwood.engine.schema.ActionDef;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.RecordValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Typed partial evaluation (the reference's TPE): partial authorization for a request whose action and
 * principal and resource types are known, over policies that validate against the schema. The types make
 * more folding safe than in {@code Authorizer.isAuthorizedPartial}: a well-typed expression cannot give a
 * type error, so {@code e && false} is {@code false} when {@code e} cannot error at all (no arithmetic,
 * attribute or tag access, extension call), {@code e || true} is {@code true} likewise, and {@code e && true}
 * is {@code e}.
 *
 * <p>The guarantee, as cedar-spec proves it for its model: for every completion that conforms to the schema
 * (a valid request, entities that conform), a residual of {@code true} or {@code false} is final (the policy
 * is satisfied, or not, without an error), and every residual evaluates to what the policy does. Immutable
 * and thread-safe; validating a policy set is cached for the last set seen.
 */
public final class TypedPartialAuthorizer {
    private static final Expr TRUE = new Expr.Literal(BoolValue.TRUE);
    private static final Expr FALSE = new Expr.Literal(BoolValue.FALSE);

    private final Schema schema;
    private final PolicyValidator validator;
    private volatile PolicySet lastValidated;

    public TypedPartialAuthorizer(Schema schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.validator = new PolicyValidator(schema.resolved());
    }

    /**
     * The typed partial answer for {@code request}, whose action and principal and resource types must be
     * known.
     *
     * @throws CedarException when a policy does not validate against the schema (strict mode), or the
     *         request does not fit it (the action is not declared or does not apply to the types, a known
     *         part does not conform)
     */
    public PartialResponse isAuthorized(PartialRequest request, PolicySet policies, PartialEntityProvider entities) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(entities, "entities");
        checkRequest(request);
        checkPolicies(policies);
        return PartialAuthorization.authorize(request, policies.policies(), entities, TypedPartialAuthorizer::simplify);
    }

    /** Which resources of {@code resourceType} {@code principal} may {@code action}: the residual over {@code resource}. */
    public PartialResponse queryResource(EntityUid principal, EntityUid action, EntityType resourceType,
            RecordValue context, PolicySet policies, PartialEntityProvider entities) {
        return isAuthorized(PartialRequest.builder().principal(principal).action(action).resourceType(resourceType)
                .context(context).build(), policies, entities);
    }

    /** Which principals of {@code principalType} may {@code action} {@code resource}: the residual over {@code principal}. */
    public PartialResponse queryPrincipal(EntityType principalType, EntityUid action, EntityUid resource,
            RecordValue context, PolicySet policies, PartialEntityProvider entities) {
        return isAuthorized(PartialRequest.builder().principalType(principalType).action(action).resource(resource)
                .context(context).build(), policies, entities);
    }

    /**
     * Which actions {@code principal} may take on {@code resource}: the answer for each action the schema
     * declares for their types, in the schema's order. With a context that does not fit an action, that
     * action's answer is left out (its request would not validate).
     */
    public Map<EntityUid, PartialResponse> queryAction(EntityUid principal, EntityUid resource, RecordValue context,
            PolicySet policies, PartialEntityProvider entities) {
        Map<EntityUid, PartialResponse> out = new LinkedHashMap<>();
        for (ActionDef action : schema.actions().values()) {
            if (!action.principalTypes().contains(principal.type()) || !action.resourceTypes().contains(resource.type())) {
                continue;
            }
            try {
                out.put(action.uid(), isAuthorized(PartialRequest.builder().principal(principal).action(action.uid())
                        .resource(resource).context(context).build(), policies, entities));
            } catch (RequestValidationException e) {
                // this action's context does not fit: no request for it is valid
            }
        }
        return out;
    }

    private void checkRequest(PartialRequest request) {
        EntityUid action = request.action()
                .orElseThrow(() -> new RequestValidationException("typed partial evaluation needs the action"));
        EntityType principalType = request.principalType().orElseThrow(
                () -> new RequestValidationException("typed partial evaluation needs the principal's entity type"));
        EntityType resourceType = request.resourceType().orElseThrow(
                () -> new RequestValidationException("typed partial evaluation needs the resource's entity type"));
        Optional<ActionDef> def = schema.action(action);
        if (def.isEmpty()) {
            throw new RequestValidationException("action `" + action + "` is not declared in the schema");
        }
        if (!def.get().principalTypes().contains(principalType) || !def.get().resourceTypes().contains(resourceType)) {
            throw new RequestValidationException("action `" + action + "` does not apply to principal type `"
                    + principalType + "` and resource type `" + resourceType + "`");
        }
        // when every part is known, the request is validated as a whole (a known context of a partial request
        // is not checked against the action's context type)
        EntityUid principal = request.principal().orElse(null);
        EntityUid resource = request.resource().orElse(null);
        RecordValue context = request.context().orElse(null);
        if (principal != null && resource != null && context != null) {
            schema.validateRequest(new Request(principal, action, resource, context));
        }
    }

    private void checkPolicies(PolicySet policies) {
        if (policies == lastValidated) {
            return;
        }
        ValidationResult result = validator.validate(policies, ValidationMode.STRICT, -1);
        if (!result.passed()) {
            Set<String> ids = new LinkedHashSet<>();
            for (ValidationError e : result.errors()) {
                ids.add("`" + e.policyId() + "`");
            }
            throw new CedarException("typed partial evaluation needs policies that validate against the schema; "
                    + "these do not: " + String.join(", ", ids));
        }
        lastValidated = policies;
    }

    /** The typed simplifications, bottom up (the reference's TPE {@code and}, {@code or}, {@code ite}). */
    static Expr simplify(Expr e) {
        if (e instanceof Expr.And a) {
            Expr l = simplify(a.left());
            Expr r = simplify(a.right());
            if (l.equals(TRUE)) {
                return r;
            } else if (l.equals(FALSE)) {
                return FALSE;
            } else if (r.equals(TRUE)) {
                return l;
            } else if (r.equals(FALSE) && errorFree(l)) {
                return FALSE;
            }
            return new Expr.And(l, r);
        } else if (e instanceof Expr.Or o) {
            Expr l = simplify(o.left());
            Expr r = simplify(o.right());
            if (l.equals(TRUE)) {
                return TRUE;
            } else if (l.equals(FALSE)) {
                return r;
            } else if (r.equals(FALSE)) {
                return l;
            } else if (r.equals(TRUE) && errorFree(l)) {
                return TRUE;
            }
            return new Expr.Or(l, r);
        } else if (e instanceof Expr.If i) {
            Expr c = simplify(i.condition());
            Expr t = simplify(i.thenExpr());
            Expr f = simplify(i.elseExpr());
            if (c.equals(TRUE)) {
                return t;
            } else if (c.equals(FALSE)) {
                return f;
            }
            return new Expr.If(c, t, f);
        } else if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), simplify(u.operand()));
        } else if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), simplify(b.left()), simplify(b.right()));
        }
        return e;
    }

    /**
     * Whether a well-typed {@code e} can never error: no arithmetic (overflow), negation, attribute or tag
     * access (a missing entity or attribute), or extension call.
     */
    static boolean errorFree(Expr e) {
        if (e instanceof Expr.Literal || e instanceof Expr.Var) {
            return true;
        } else if (e instanceof Expr.Unary u) {
            return u.op() != io.cedarwood.engine.ast.UnaryOp.NEG && errorFree(u.operand());
        } else if (e instanceof Expr.Binary b) {
            return switch (b.op()) {
                case ADD, SUB, MUL, GET_TAG -> false;
                default -> errorFree(b.left()) && errorFree(b.right());
            };
        } else if (e instanceof Expr.GetAttr || e instanceof Expr.ExtensionCall) {
            return false;
        }
        List<Expr> children = new ArrayList<>(e.children());
        for (Expr child : children) {
            if (!errorFree(child)) {
                return false;
            }
        }
        return true;
    }
}
