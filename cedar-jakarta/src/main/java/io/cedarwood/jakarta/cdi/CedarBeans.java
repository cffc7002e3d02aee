package io.cedarwood.jakarta.cdi;

import io.cedarwood.enforcement.CedarNames;
import io.cedarwood.enforcement.DecisionListener;
import io.cedarwood.enforcement.DecisionLog;
import io.cedarwood.enforcement.EnforcementMode;
import io.cedarwood.enforcement.PolicyLoader;
import io.cedarwood.enforcement.PolicyStore;
import io.cedarwood.enforcement.SchemaCheck;
import io.cedarwood.enforcement.UidTemplate;
import io.cedarwood.engine.Authorizer;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.jakarta.CedarAuthorization;
import io.cedarwood.jakarta.CedarConfigurationException;
import io.cedarwood.jakarta.CedarPrincipalMapper;
import io.cedarwood.jakarta.CedarResources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link CedarAuthorization} the interceptor uses, assembled from the application's CDI beans where it
 * has them and from {@code META-INF/cedar/} on the classpath where it doesn't: a {@link CedarAuthorization}
 * bean replaces everything; otherwise a {@link PolicyStore} bean (say, one a {@code PolicyReloader} reloads)
 * or a {@link PolicySet} bean (default {@code META-INF/cedar/policies.cedar}) with a {@link Schema} bean
 * ({@code META-INF/cedar/schema.cedarschema} when present: the policies must validate against it),
 * {@link EntityProvider} ({@code META-INF/cedar/entities.json} when present, else none),
 * {@link CedarPrincipalMapper} ({@code User::"<name>"}), {@link EnforcementMode}, {@link DecisionLog.What},
 * {@link Clock} and {@link Authorizer} beans each replace their default, and every {@link DecisionListener}
 * bean (metrics, audit) hears every decision. Built when the application starts, so that invalid policies,
 * or a {@code @CedarAuthorize} naming an action or type the schema lacks, stop it.
 */
@ApplicationScoped
public class CedarBeans {
    private static final System.Logger LOG = System.getLogger(CedarBeans.class.getName());

    @Inject
    Instance<CedarAuthorization> authorizations;
    @Inject
    Instance<PolicyStore> stores;
    @Inject
    Instance<PolicySet> policySets;
    @Inject
    Instance<Schema> schemas;
    @Inject
    Instance<EntityProvider> entityProviders;
    @Inject
    Instance<CedarPrincipalMapper> principalMappers;
    @Inject
    Instance<EnforcementMode> modes;
    @Inject
    Instance<DecisionLog.What> decisionLogs;
    @Inject
    Instance<DecisionListener> listeners;
    @Inject
    Instance<Clock> clocks;
    @Inject
    Instance<Authorizer> authorizers;
    @Inject
    CedarAuthorizeExtension annotated;

    private volatile CedarAuthorization authorization;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (authorizations.isUnsatisfied() && stores.isUnsatisfied() && policySets.isUnsatisfied()
                && CedarResources.read(CedarResources.DEFAULT_POLICIES).isEmpty()) {
            LOG.log(Level.DEBUG, "cedar: no policies for @CedarAuthorize (no PolicySet bean, no "
                    + CedarResources.DEFAULT_POLICIES + "): annotated methods will be denied");
            return;
        }
        CedarAuthorization a = authorization();
        a.policies().current().schema().ifPresent(schema -> check(annotated.methods(), schema,
                principalMappers.isUnsatisfied() ? EntityType.of("User") : null));
    }

    /**
     * Checks each annotated method against the schema.
     *
     * @throws CedarConfigurationException naming the methods and the nearest valid names
     */
    static void check(List<Method> methods, Schema schema, EntityType principalType) {
        List<String> problems = new ArrayList<>();
        for (Method m : methods) {
            CedarAuthorize a = CedarAuthorizeInterceptor.annotation(m, null);
            String where = "@CedarAuthorize on `" + m.getDeclaringClass().getSimpleName() + "." + m.getName() + "`";
            try {
                EntityType resourceType = a.resource().isBlank() ? null : UidTemplate.parse(a.resource()).type();
                problems.addAll(SchemaCheck.check(schema, where, CedarNames.action("Action", a.action()), resourceType,
                        principalType));
            } catch (RuntimeException e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new CedarConfigurationException(String.join("\n", problems));
        }
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

    /** The clock of the context's {@code time}: the {@link Clock} bean, else the system's. */
    public Clock clock() {
        return clocks.isResolvable() ? clocks.get() : Clock.systemUTC();
    }

    private CedarAuthorization build() {
        if (!authorizations.isUnsatisfied()) {
            return authorizations.get();
        }
        CedarAuthorization.Builder b = CedarAuthorization.builder();
        if (!stores.isUnsatisfied()) {
            b.store(stores.get());
        } else if (!policySets.isUnsatisfied()) {
            b.policies(policySets.get());
            if (!schemas.isUnsatisfied()) {
                b.schema(schemas.get());
            }
        } else if (!schemas.isUnsatisfied()) {
            b.policies(PolicyLoader.of(CedarResources.locations(CedarResources.DEFAULT_POLICIES, null)).load().policies());
            b.schema(schemas.get());
        } else {
            String schema = CedarResources.read(CedarResources.DEFAULT_SCHEMA).isPresent() ? CedarResources.DEFAULT_SCHEMA : null;
            b.store(PolicyStore.of(PolicyLoader.of(CedarResources.locations(CedarResources.DEFAULT_POLICIES, schema)).load()));
        }
        if (!entityProviders.isUnsatisfied()) {
            b.entities(entityProviders.get());
        } else if (CedarResources.read(CedarResources.DEFAULT_ENTITIES).isPresent()) {
            b.entities(CedarResources.entities(CedarResources.DEFAULT_ENTITIES));
        }
        if (!principalMappers.isUnsatisfied()) {
            b.principalMapper(principalMappers.get());
        }
        if (!modes.isUnsatisfied()) {
            b.mode(modes.get());
        }
        if (!decisionLogs.isUnsatisfied()) {
            b.decisionLog(decisionLogs.get());
        }
        for (DecisionListener l : listeners) {
            b.listener(l);
        }
        if (!authorizers.isUnsatisfied()) {
            b.authorizer(authorizers.get());
        }
        return b.build();
    }
}
