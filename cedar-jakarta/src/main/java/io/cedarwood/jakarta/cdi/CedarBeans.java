package io.cedarwood.jakarta.cdi;

import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.jakarta.CedarAuthorization;
import io.cedarwood.jakarta.CedarDecisionLog;
import io.cedarwood.jakarta.CedarPrincipalMapper;
import io.cedarwood.jakarta.CedarResources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.lang.System.Logger.Level;

/**
 * The {@link CedarAuthorization} the interceptor uses, assembled from the application's CDI beans where it
 * has them and from {@code META-INF/cedar/} on the classpath where it doesn't: a {@link CedarAuthorization}
 * bean replaces everything; otherwise {@link PolicySet} (default {@code META-INF/cedar/policies.cedar}),
 * {@link Schema} ({@code META-INF/cedar/schema.cedarschema} when present: the policies must validate
 * against it), {@link EntityProvider} ({@code META-INF/cedar/entities.json} when present, else none),
 * {@link CedarPrincipalMapper} ({@code User::"<name>"}), {@link CedarDecisionLog} and {@link Authorizer}
 * beans each replace their default. Built when the application starts, so that invalid policies stop it.
 */
@ApplicationScoped
public class CedarBeans {
    private static final System.Logger LOG = System.getLogger(CedarBeans.class.getName());

    @Inject
    Instance<CedarAuthorization> authorizations;
    @Inject
    Instance<PolicySet> policySets;
    @Inject
    Instance<Schema> schemas;
    @Inject
    Instance<EntityProvider> entityProviders;
    @Inject
    Instance<CedarPrincipalMapper> principalMappers;
    @Inject
    Instance<CedarDecisionLog> decisionLogs;
    @Inject
    Instance<Authorizer> authorizers;

    private volatile CedarAuthorization authorization;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (authorizations.isUnsatisfied() && policySets.isUnsatisfied()
                && CedarResources.read(CedarResources.DEFAULT_POLICIES).isEmpty()) {
            LOG.log(Level.DEBUG, "cedar: no policies for @CedarAuthorize (no PolicySet bean, no "
                    + CedarResources.DEFAULT_POLICIES + "): annotated methods will be denied");
            return;
        }
        authorization();
    }

    /** The authorization of {@code @CedarAuthorize}; built once. */
    public CedarAuthorization authorization() {
        CedarAuthorization a = authorization;
        if (a == null) {
            synchronized (this) {
                a = authorization;
                if (a == null) {
                    a = build();
                    authorization = a;
                }
            }
        }
        return a;
    }

    private CedarAuthorization build() {
        if (!authorizations.isUnsatisfied()) {
            return authorizations.get();
        }
        CedarAuthorization.Builder b = CedarAuthorization.builder();
        b.policies(policySets.isUnsatisfied() ? CedarResources.policies(CedarResources.DEFAULT_POLICIES) : policySets.get());
        if (!schemas.isUnsatisfied()) {
            b.schema(schemas.get());
        } else if (CedarResources.read(CedarResources.DEFAULT_SCHEMA).isPresent()) {
            b.schema(CedarResources.schema(CedarResources.DEFAULT_SCHEMA));
        }
        if (!entityProviders.isUnsatisfied()) {
            b.entities(entityProviders.get());
        } else if (CedarResources.read(CedarResources.DEFAULT_ENTITIES).isPresent()) {
            b.entities(CedarResources.entities(CedarResources.DEFAULT_ENTITIES));
        }
        if (!principalMappers.isUnsatisfied()) {
            b.principalMapper(principalMappers.get());
        }
        if (!decisionLogs.isUnsatisfied()) {
            b.decisionLog(decisionLogs.get());
        }
        if (!authorizers.isUnsatisfied()) {
            b.authorizer(authorizers.get());
        }
        return b.build();
    }
}
