package io.cedarwood.spring.security.observation;

import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.spring.security.CedarAuthorizationDecision;
import io.cedarwood.spring.security.CedarAuthorizationDecision.Source;
import io.cedarwood.spring.security.CedarDecisionObserver;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A Micrometer observation around each Cedar decision, as Spring Security's
 * {@code ObservationAuthorizationManager} observes its managers: named {@value #NAME}, contextual name
 * {@code cedar <source>}, with the low-cardinality keys
 * <ul>
 *   <li>{@code cedar.source}: {@code http}, {@code method}, {@code permission};</li>
 *   <li>{@code cedar.action}: the action's uid ({@code Action::"GetList"}), {@code none} when the call
 *       failed before an action was known;</li>
 *   <li>{@code cedar.decision}: Cedar's, {@code allow}, {@code deny}, or {@code failure} when Cedar was not
 *       asked;</li>
 *   <li>{@code cedar.granted}: what was enforced, {@code true} or {@code false};</li>
 * </ul>
 * and the high-cardinality keys {@code cedar.principal}, {@code cedar.resource} (uids, {@code none} when
 * unknown) and {@code cedar.policies} (the determining policies' ids, comma-separated). Principals and
 * resources are never low-cardinality keys: meters would get one series per user.
 */
public final class CedarObservation implements CedarDecisionObserver {
    /** The observation's name. */
    public static final String NAME = "cedar.authorizations";

    private final Supplier<ObservationRegistry> registry;

    /** {@code registry}: looked up at each decision, so that it may be created after this; may give {@code null}. */
    public CedarObservation(Supplier<ObservationRegistry> registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public CedarAuthorizationDecision observe(Source source, EntityUid action, Supplier<CedarAuthorizationDecision> decide) {
        ObservationRegistry r = registry.get();
        if (r == null || r.isNoop()) {
            return decide.get();
        }
        CedarObservationContext context = new CedarObservationContext(source, action);
        Observation observation = Observation.createNotStarted(NAME, () -> context, r)
                .contextualName("cedar " + source.id())
                .lowCardinalityKeyValue("cedar.source", source.id())
                .lowCardinalityKeyValue("cedar.action", action == null ? "none" : action.toString())
                .start();
        Observation.Scope scope = observation.openScope();
        try {
            CedarAuthorizationDecision decision = decide.get();
            context.decision(decision);
            observation.lowCardinalityKeyValue("cedar.decision", decision.response().isPresent()
                            ? decision.cedarDecision().name().toLowerCase(Locale.ROOT) : "failure")
                    .lowCardinalityKeyValue("cedar.granted", Boolean.toString(decision.isGranted()))
                    .highCardinalityKeyValue("cedar.principal", decision.decision().principal().map(EntityUid::toString).orElse("none"))
                    .highCardinalityKeyValue("cedar.resource", decision.decision().resource().map(EntityUid::toString).orElse("none"))
                    .highCardinalityKeyValue("cedar.policies", decision.diagnostics().reason().stream()
                            .map(PolicyId::value).sorted().collect(Collectors.joining(",")));
            return decision;
        } catch (RuntimeException | Error e) {
            observation.error(e);
            throw e;
        } finally {
            scope.close();
            observation.stop();
        }
    }
}
