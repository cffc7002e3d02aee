package io.cedarwood.enforcement;

import io.cedarwood.enforcement.ReloadResult.Outcome;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reloads a {@link PolicyStore} when its files change, checking every {@code interval} on a daemon thread
 * of its own. Files are put in use only when they read the same at two checks in a row, so a file being
 * written in place is not loaded half-written (publish atomically all the same: write a new file and
 * rename it over the old one). Whatever a check throws, {@link OutOfMemoryError} included, is logged and
 * the previous policies stay in use; the next check runs as planned. {@link #lastResult()} is the health
 * signal: it tells when the files in place are not the policies in use.
 */
public final class PolicyReloader implements AutoCloseable {
    private static final Logger LOG = System.getLogger(PolicyReloader.class.getName());

    private final PolicyStore store;
    private final PolicyLoader loader;
    private final Duration interval;
    private ScheduledExecutorService executor;
    /** The digest seen at the previous check while it differed from the one in use. */
    private String pending;
    private volatile ReloadResult last;
    /** The last failure logged, not logged again until something changes. */
    private String lastLogged;

    public PolicyReloader(PolicyStore store, PolicyLoader loader, Duration interval) {
        this.store = Objects.requireNonNull(store, "store");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("the reload interval must be positive, not " + interval);
        }
        this.last = new ReloadResult(Outcome.UNCHANGED, Instant.now(), store.version(), null);
    }

    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cedar-policy-reload");
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** The result of the last check: {@link ReloadResult#isHealthy()} is false after a failed or refused reload. */
    public ReloadResult lastResult() {
        return last;
    }

    /** One check, as the schedule runs it; never throws. */
    public synchronized ReloadResult check() {
        ReloadResult result;
        try {
            result = checkOnce();
        } catch (Throwable e) {
            // anything, OutOfMemoryError included: a dead reloader would keep revoked access for good
            pending = null;
            result = failed(e);
        }
        last = result;
        report(result);
        return result;
    }

    private ReloadResult checkOnce() {
        PolicyLoader.Snapshot snapshot = loader.read();
        if (store.current().digest().filter(snapshot.digest()::equals).isPresent()) {
            pending = null;
            return store.result(Outcome.UNCHANGED, null);
        }
        if (store.failedBefore(snapshot.digest())) {
            pending = null;
            return store.reload(snapshot);
        }
        if (!snapshot.digest().equals(pending)) {
            pending = snapshot.digest();
            return store.result(Outcome.PENDING, "the files changed; they are loaded when they read the same at the next check");
        }
        pending = null;
        return store.reload(snapshot);
    }

    private ReloadResult failed(Throwable e) {
        String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        try {
            return store.result(Outcome.FAILED, message);
        } catch (Throwable again) {
            return new ReloadResult(Outcome.FAILED, Instant.now(), -1, message);
        }
    }

    private void report(ReloadResult result) {
        try {
            switch (result.outcome()) {
                case RELOADED -> {
                    lastLogged = null;
                    LOG.log(Level.INFO, "cedar: policies reloaded, version " + result.version());
                }
                case FAILED, REFUSED -> {
                    String text = result.outcome() + " " + result.message();
                    if (!text.equals(lastLogged)) {
                        lastLogged = text;
                        LOG.log(result.outcome() == Outcome.FAILED ? Level.ERROR : Level.WARNING,
                                "cedar: policies not reloaded (" + result.outcome().name().toLowerCase(java.util.Locale.ROOT)
                                        + "), version " + result.version() + " stays in use: " + result.message());
                    }
                }
                default -> {
                }
            }
        } catch (Throwable ignored) {
            // logging itself failed (out of memory, say): the next check tries again
        }
    }
}
