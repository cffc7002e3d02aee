package io.cedarwood.spring.security;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reloads a {@link CedarPolicyStore} when its files change, checking every {@code interval} on a daemon
 * thread of its own. A version that does not load (a syntax error, a validation failure) is logged and
 * the policies in use stay.
 */
public final class CedarPolicyReloader implements SmartLifecycle {
    private static final Log log = LogFactory.getLog(CedarPolicyReloader.class);

    private final CedarPolicyStore store;
    private final Duration interval;
    private ScheduledExecutorService executor;
    /** The last failure logged, not logged again until something changes. */
    private volatile String lastFailure;

    public CedarPolicyReloader(CedarPolicyStore store, Duration interval) {
        this.store = Objects.requireNonNull(store, "store");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("the reload interval must be positive, not " + interval);
        }
    }

    @Override
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

    void check() {
        try {
            if (store.reload()) {
                lastFailure = null;
                log.info("cedar: policies reloaded");
            }
        } catch (RuntimeException e) {
            String failure = String.valueOf(e.getMessage());
            if (!failure.equals(lastFailure)) {
                lastFailure = failure;
                log.error("cedar: policies not reloaded, the previous ones stay in use: " + failure);
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
