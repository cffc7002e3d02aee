package io.cedarwood.spring.security;

import io.cedarwood.enforcement.PolicyLoader;
import io.cedarwood.enforcement.PolicyReloader;
import io.cedarwood.enforcement.PolicyStore;
import io.cedarwood.enforcement.ReloadResult;

import org.springframework.context.SmartLifecycle;

import java.time.Duration;

/**
 * The core's {@link PolicyReloader} as a Spring lifecycle bean: started with the application context,
 * stopped with it. {@link #lastResult()} is the health signal (false {@link ReloadResult#isHealthy()} after
 * a failed or refused reload).
 */
public final class CedarPolicyReloader implements SmartLifecycle {
    private final PolicyReloader reloader;

    public CedarPolicyReloader(PolicyStore store, PolicyLoader loader, Duration interval) {
        this.reloader = new PolicyReloader(store, loader, interval);
    }

    @Override
    public void start() {
        reloader.start();
    }

    @Override
    public void stop() {
        reloader.stop();
    }

    @Override
    public boolean isRunning() {
        return reloader.isRunning();
    }

    /** The result of the last check. */
    public ReloadResult lastResult() {
        return reloader.lastResult();
    }

    /** One check now, as the schedule runs it. */
    public ReloadResult check() {
        return reloader.check();
    }
}
