package io.cedarwood.spring.security.actuate;

import io.cedarwood.enforcement.EnforcementMode;
import io.cedarwood.enforcement.PolicyBundle;
import io.cedarwood.enforcement.PolicyStore;
import io.cedarwood.enforcement.ReloadResult;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.spring.security.CedarPolicyReloader;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The Actuator endpoint {@code cedar}: the policies in use (ids, version, digest), where they come from,
 * the schema, the enforcement mode and the last reload. Read-only; exposed and secured as every Actuator
 * endpoint ({@code management.endpoints.web.exposure.include=cedar}). Never shows policy text.
 */
@Endpoint(id = "cedar")
public final class CedarEndpoint {
    private final PolicyStore store;
    private final EnforcementMode mode;
    private final List<String> policyLocations;
    private final String schemaLocation;
    private final Supplier<CedarPolicyReloader> reloader;

    /**
     * @param policyLocations where the policy files are read ({@code cedar.policies})
     * @param schemaLocation where the schema is read ({@code cedar.schema}); {@code null} for none
     * @param reloader gives {@code null} when policies are not reloaded
     */
    public CedarEndpoint(PolicyStore store, EnforcementMode mode, List<String> policyLocations, String schemaLocation,
            Supplier<CedarPolicyReloader> reloader) {
        this.store = Objects.requireNonNull(store, "store");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.policyLocations = List.copyOf(policyLocations);
        this.schemaLocation = schemaLocation;
        this.reloader = Objects.requireNonNull(reloader, "reloader");
    }

    @ReadOperation
    public Descriptor cedar() {
        PolicyBundle bundle = store.current();
        boolean files = store.isReloadable();
        CedarPolicyReloader r = reloader.get();
        Reload reload = r == null ? new Reload(false, null, null, null, null) : reload(r.lastResult());
        return new Descriptor(store.version(), bundle.digest().orElse(null),
                files ? new Source("files", policyLocations) : new Source("application", List.of()),
                ids(bundle.policies().policies()), ids(bundle.policies().templates()),
                new Schema(bundle.schema().isPresent(), bundle.schema().isPresent() && files ? schemaLocation : null),
                mode.name().toLowerCase(Locale.ROOT), reload);
    }

    private static Reload reload(ReloadResult last) {
        return new Reload(true, last.outcome().name().toLowerCase(Locale.ROOT), last.at().toString(), last.isHealthy(),
                CedarHealth.reason(last));
    }

    private static List<String> ids(Collection<Policy> policies) {
        return policies.stream().map(p -> p.id().value()).sorted().toList();
    }

    /**
     * What the endpoint shows.
     *
     * @param version 1 for the first policies, one more for each version put in use since
     * @param digest SHA-256 of the files the policies were read from; {@code null} when not read from files
     * @param policies the ids of the static and linked policies
     * @param templates the ids of the templates
     * @param enforcement {@code enforcing} or {@code permissive}
     */
    public record Descriptor(long version, String digest, Source source, List<String> policies, List<String> templates,
            Schema schema, String enforcement, Reload reload) {
    }

    /**
     * @param kind {@code files} (read from {@code locations}, reloadable), or {@code application} (given by
     *        the application, {@code PolicyStore.of}/{@code replace})
     */
    public record Source(String kind, List<String> locations) {
    }

    /** @param location the configured location, when read from files */
    public record Schema(boolean present, String location) {
    }

    /**
     * @param enabled whether the files are checked for changes
     * @param outcome the last check's: {@code unchanged}, {@code pending}, {@code reloaded}, {@code failed},
     *        {@code refused}
     * @param at when the last check ended
     * @param healthy false while the files in place are not the policies in use
     * @param reason why, when not healthy (the log has the details)
     */
    public record Reload(boolean enabled, String outcome, String at, Boolean healthy, String reason) {
    }
}
