package io.cedarwood.enforcement.contract;

import io.cedarwood.enforcement.Enforcer;
import io.cedarwood.enforcement.EnforcementDecision;
import io.cedarwood.enforcement.PathPatterns;
import io.cedarwood.enforcement.PolicyBundle;
import io.cedarwood.enforcement.PolicyFiles;
import io.cedarwood.enforcement.PolicySource;
import io.cedarwood.enforcement.PolicyStore;
import io.cedarwood.enforcement.RouteTable;
import io.cedarwood.enforcement.StandardContext;
import io.cedarwood.enforcement.Target;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.RecordValue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The contract through the core alone, as an adapter would wire it: the reference the adapters' runs agree with. */
class CoreContractTest extends EnforcementContract {

    @Override
    protected boolean http() {
        return true;
    }

    @Override
    protected Observed ask(ContractCase c) {
        PolicyStore store = PolicyStore.of(PolicyBundle.of(
                PolicyFiles.policies(List.of(new PolicySource("policies.cedar", POLICIES))),
                PolicyFiles.schema(new PolicySource("schema.cedarschema", SCHEMA))));
        Enforcer enforcer = Enforcer.builder(store).entities(entities()).build();
        RouteTable routes = RouteTable.parse(ROUTES, PathPatterns.segments());
        Target target = routes.resolve(c.httpMethod(), c.path()).orElseThrow();
        EnforcementDecision d = enforcer.decide("http", () -> principal(c), target.action(), target.resource(),
                () -> RecordValue.of(StandardContext.http(CLOCK, "127.0.0.1", c.httpMethod(), c.path(), false)));
        return Observed.of(d);
    }

    static Entity principal(ContractCase c) {
        if (c.user() == null) {
            return null;
        }
        Set<EntityUid> parents = new LinkedHashSet<>();
        c.roles().forEach(r -> parents.add(EntityUid.of("Role", r)));
        return new Entity(EntityUid.of("User", c.user()), Map.of(), parents);
    }
}
