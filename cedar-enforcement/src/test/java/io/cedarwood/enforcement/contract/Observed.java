package io.cedarwood.enforcement.contract;

import io.cedarwood.enforcement.EnforcementDecision;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.value.RecordValue;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an entry point did with a {@link ContractCase}.
 *
 * @param granted whether the request went through
 * @param reason the determining policies of Cedar's answer (empty when Cedar was not asked)
 * @param context the context Cedar was asked with, {@code null} when Cedar was not asked
 */
public record Observed(boolean granted, Set<String> reason, RecordValue context) {

    /** What a decision shows, for entry points whose test can reach the {@link EnforcementDecision}. */
    public static Observed of(EnforcementDecision d) {
        return new Observed(d.isGranted(), d.diagnostics().reason().stream().map(PolicyId::value).collect(Collectors.toSet()),
                d.request().map(r -> r.context()).orElse(null));
    }
}
