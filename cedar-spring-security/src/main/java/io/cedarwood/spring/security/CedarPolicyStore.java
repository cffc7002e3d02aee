package io.cedarwood.spring.security;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The policies in use. A decision reads {@link #current()} once, so a reload never changes the policies
 * under a request being decided: requests in flight finish on the old version, later ones see the new.
 * Thread-safe.
 */
public final class CedarPolicyStore {
    private final CedarPolicyLoader loader;
    private final AtomicReference<Loaded> current;
    /** The digest of files that failed to load, not tried again until they change. */
    private String failedDigest;

    private CedarPolicyStore(CedarPolicyLoader loader, Loaded initial) {
        this.loader = loader;
        this.current = new AtomicReference<>(initial);
    }

    /** A store that holds these policies until {@link #replace} is called. */
    public static CedarPolicyStore of(CedarPolicies policies) {
        return new CedarPolicyStore(null, new Loaded(Objects.requireNonNull(policies, "policies"), null));
    }

    /**
     * A store that loads its policies now, and again on {@link #reload()}.
     *
     * @throws CedarPolicyLoadException when the policies cannot be loaded
     */
    public static CedarPolicyStore load(CedarPolicyLoader loader) {
        CedarPolicyLoader.Sources sources = loader.read();
        return new CedarPolicyStore(loader, new Loaded(loader.parse(sources), sources.digest()));
    }

    public CedarPolicies current() {
        return current.get().policies();
    }

    /** Puts these policies in use, for stores fed by the application (from a database, say). */
    public void replace(CedarPolicies policies) {
        current.set(new Loaded(Objects.requireNonNull(policies, "policies"), null));
    }

    /**
     * Reads the policy and schema files again and, when they changed, parses and validates them and puts
     * them in use. When they don't load, the policies in use stay and the exception says why; the same
     * files are not tried again until they change.
     *
     * @return whether new policies are in use
     * @throws CedarPolicyLoadException when the changed files do not load
     * @throws IllegalStateException when this store has no files to read
     */
    public synchronized boolean reload() {
        if (loader == null) {
            throw new IllegalStateException("these policies were not loaded from files");
        }
        CedarPolicyLoader.Sources sources = loader.read();
        if (sources.digest().equals(current.get().digest()) || sources.digest().equals(failedDigest)) {
            return false;
        }
        CedarPolicies loaded;
        try {
            loaded = loader.parse(sources);
        } catch (RuntimeException e) {
            failedDigest = sources.digest();
            throw e;
        }
        current.set(new Loaded(loaded, sources.digest()));
        failedDigest = null;
        return true;
    }

    private record Loaded(CedarPolicies policies, String digest) {
    }
}
