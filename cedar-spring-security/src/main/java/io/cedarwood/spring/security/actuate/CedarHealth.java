package io.cedarwood.spring.security.actuate;

import io.cedarwood.enforcement.PolicyStore;
import io.cedarwood.enforcement.ReloadResult;
import io.cedarwood.spring.security.CedarPolicyReloader;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The health of Cedar's policies, whichever Spring Boot line reports it: down when the last reload failed
 * or was refused (the files in place are not the policies in use), up otherwise. The details never carry
 * policy text or the loader's message (a parse error quotes the policy): the log has those.
 */
public final class CedarHealth {
    private final PolicyStore store;
    private final Supplier<CedarPolicyReloader> reloader;

    /** {@code reloader}: gives {@code null} when policies are not reloaded. */
    public CedarHealth(PolicyStore store, Supplier<CedarPolicyReloader> reloader) {
        this.store = Objects.requireNonNull(store, "store");
        this.reloader = Objects.requireNonNull(reloader, "reloader");
    }

    /**
     * @param up whether the policies in use are those of the files
     * @param details {@code version} and {@code policies} in use; with reloading, {@code reload} (the last
     *        check's outcome) and {@code checkedAt}; when down, {@code reason}
     */
    public record Status(boolean up, Map<String, Object> details) {
        public Status {
            details = Map.copyOf(details);
        }
    }

    public Status status() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", store.version());
        details.put("policies", store.current().size());
        CedarPolicyReloader r = reloader.get();
        if (r == null) {
            return new Status(true, details);
        }
        ReloadResult last = r.lastResult();
        details.put("reload", last.outcome().name().toLowerCase(Locale.ROOT));
        details.put("checkedAt", last.at().toString());
        String reason = reason(last);
        if (reason != null) {
            details.put("reason", reason);
        }
        return new Status(last.isHealthy(), details);
    }

    /** Why the last check left the files out of use, in words of our own (never the loader's message). */
    static String reason(ReloadResult result) {
        return switch (result.outcome()) {
            case FAILED -> "the policy files changed but do not load; the previous policies stay in use "
                    + "(the application log says why)";
            case REFUSED -> "the policy files changed but would remove every policy or every forbid; the previous "
                    + "policies stay in use";
            default -> null;
        };
    }
}
