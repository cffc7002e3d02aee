package io.cedarwood.enforcement;

import io.cedarwood.enforcement.ReloadResult.Outcome;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The policies in use. A decision reads {@link #current()} once, so a reload never changes the policies
 * under a request being decided: requests in flight finish on the old bundle, later ones see the new.
 * Each bundle put in use gets the next {@linkplain #version() version}. Thread-safe.
 *
 * <p>A reload that would leave no policy at all, or no {@code forbid} where there were some, is refused
 * (the previous policies stay, a {@link Outcome#REFUSED} result says why) unless the store was built with
 * {@code allowDroppingAll}: a truncated or emptied file would otherwise deny everyone, or worse, lift every
 * restriction.
 */
public final class PolicyStore {
    private final PolicyLoader loader;
    private final boolean allowDroppingAll;
    private final Clock clock;
    private final AtomicReference<Versioned> current;
    /** The digest of files that failed to load, not tried again until they change. */
    private String failedDigest;
    private String failure;
    private Outcome failedOutcome;

    private PolicyStore(PolicyLoader loader, boolean allowDroppingAll, Clock clock, PolicyBundle initial) {
        this.loader = loader;
        this.allowDroppingAll = allowDroppingAll;
        this.clock = clock;
        this.current = new AtomicReference<>(new Versioned(initial, 1));
    }

    /** A store that holds these policies until {@link #replace} is called. */
    public static PolicyStore of(PolicyBundle policies) {
        return new PolicyStore(null, true, Clock.systemUTC(), Objects.requireNonNull(policies, "policies"));
    }

    /**
     * A store that loads its policies now, and again on {@link #reload()}; reloads that drop every policy
     * or every forbid are refused.
     *
     * @throws PolicyLoadException when the policies cannot be loaded
     */
    public static PolicyStore load(PolicyLoader loader) {
        return load(loader, false, Clock.systemUTC());
    }

    /**
     * @param allowDroppingAll whether a reload may leave no policy, or no forbid where there were some
     * @param clock the time of {@link ReloadResult}s
     * @throws PolicyLoadException when the policies cannot be loaded
     */
    public static PolicyStore load(PolicyLoader loader, boolean allowDroppingAll, Clock clock) {
        Objects.requireNonNull(loader, "loader");
        return new PolicyStore(loader, allowDroppingAll, Objects.requireNonNull(clock, "clock"), loader.load());
    }

    public PolicyBundle current() {
        return current.get().bundle();
    }

    /** 1 for the first policies, one more for each bundle put in use since. */
    public long version() {
        return current.get().version();
    }

    /** Whether this store reads files ({@link #reload()} works). */
    public boolean isReloadable() {
        return loader != null;
    }

    /** Puts these policies in use, for stores fed by the application (from a database, say). */
    public synchronized void replace(PolicyBundle policies) {
        Objects.requireNonNull(policies, "policies");
        Versioned v = current.get();
        current.set(new Versioned(policies, v.version() + 1));
    }

    /**
     * Reads the files again and, when they changed, parses and validates them and puts them in use.
     * Never throws for bad files: the result says what happened, and the policies in use stay when the
     * files do not load or are refused. The same failing files are not parsed again until they change.
     *
     * @throws IllegalStateException when this store has no files to read
     * @throws PolicyLoadException when the files cannot be read
     */
    public ReloadResult reload() {
        if (loader == null) {
            throw new IllegalStateException("these policies were not loaded from files");
        }
        return reload(loader.read());
    }

    /** {@link #reload()} of files already read; the reloader reads them itself to see that they are stable. */
    synchronized ReloadResult reload(PolicyLoader.Snapshot snapshot) {
        Versioned in = current.get();
        if (in.bundle().digest().filter(snapshot.digest()::equals).isPresent()) {
            return result(Outcome.UNCHANGED, null);
        }
        if (snapshot.digest().equals(failedDigest)) {
            return result(failedOutcome, failure);
        }
        PolicyBundle loaded;
        try {
            loaded = loader.parse(snapshot);
        } catch (RuntimeException | StackOverflowError e) {
            failedDigest = snapshot.digest();
            failure = String.valueOf(e.getMessage());
            failedOutcome = Outcome.FAILED;
            return result(failedOutcome, failure);
        }
        String refusal = refusal(in.bundle(), loaded);
        if (refusal != null) {
            failedDigest = snapshot.digest();
            failure = refusal;
            failedOutcome = Outcome.REFUSED;
            return result(Outcome.REFUSED, refusal);
        }
        failedDigest = null;
        current.set(new Versioned(loaded, in.version() + 1));
        return result(Outcome.RELOADED, null);
    }

    private String refusal(PolicyBundle before, PolicyBundle after) {
        if (allowDroppingAll) {
            return null;
        }
        if (after.size() == 0 && before.size() > 0) {
            return "the new files have no policy at all, which would deny every request (allow it explicitly "
                    + "if that is meant)";
        }
        if (after.forbids() == 0 && before.forbids() > 0) {
            return "the new files have no `forbid` policy where there were " + before.forbids()
                    + ", which would lift every restriction (allow it explicitly if that is meant)";
        }
        return null;
    }

    /** Whether files with this digest failed to load (or were refused) at the last reload. */
    synchronized boolean failedBefore(String digest) {
        return digest.equals(failedDigest);
    }

    ReloadResult result(Outcome outcome, String message) {
        return new ReloadResult(outcome, clock.instant(), version(), message);
    }

    private record Versioned(PolicyBundle bundle, long version) {
    }
}
