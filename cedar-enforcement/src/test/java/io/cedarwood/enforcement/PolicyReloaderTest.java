package io.cedarwood.enforcement;

import io.cedarwood.enforcement.ReloadResult.Outcome;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyReloaderTest {
    private static final String PERMIT = "permit(principal, action, resource);\n";
    private static final String FORBID = "@id(\"location\") forbid(principal, action, resource) when { context has blocked };\n";

    private final TestFiles files = new TestFiles().policy("p.cedar", PERMIT + FORBID);
    private final PolicyLoader loader = PolicyLoader.of(files);
    private final PolicyStore store = PolicyStore.load(loader);
    private final PolicyReloader reloader = new PolicyReloader(store, loader, Duration.ofSeconds(1));

    @Test
    void aChangedFileIsLoadedOnlyWhenItReadsTheSameTwice() {
        files.policy("p.cedar", PERMIT);                       // cut short while being written
        assertThat(reloader.check().outcome()).isEqualTo(Outcome.PENDING);
        files.policy("p.cedar", PERMIT + FORBID + PERMIT);     // the writer finished
        assertThat(reloader.check().outcome()).isEqualTo(Outcome.PENDING);
        assertThat(store.current().size()).isEqualTo(2);
        assertThat(reloader.check().outcome()).isEqualTo(Outcome.RELOADED);
        assertThat(store.current().size()).isEqualTo(3);
        assertThat(store.version()).isEqualTo(2);
        assertThat(reloader.check().outcome()).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void anyThrowableIsSurvivedAndLaterFilesStillLoad() {
        files.failWith(new OutOfMemoryError("Java heap space"));
        ReloadResult failed = reloader.check();
        assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(failed.message()).contains("OutOfMemoryError");
        assertThat(reloader.lastResult().isHealthy()).isFalse();
        assertThat(store.version()).isEqualTo(1);

        files.failWith(new StackOverflowError());
        assertThat(reloader.check().outcome()).isEqualTo(Outcome.FAILED);

        files.failWith(null).policy("p.cedar", PERMIT + FORBID + "@id(\"revoke\") forbid(principal, action, resource);");
        reloader.check();
        assertThat(reloader.check().outcome()).isEqualTo(Outcome.RELOADED);
        assertThat(store.current().forbids()).isEqualTo(2);
        assertThat(reloader.lastResult().isHealthy()).isTrue();
    }

    @Test
    void theScheduleKeepsRunningAfterAnError() throws Exception {
        PolicyReloader fast = new PolicyReloader(store, loader, Duration.ofMillis(5));
        try {
            files.failWith(new OutOfMemoryError("Java heap space"));
            fast.start();
            waitFor(fast, Outcome.FAILED);
            files.failWith(null).policy("p.cedar", PERMIT + PERMIT + FORBID);
            waitFor(fast, Outcome.RELOADED);
            assertThat(store.current().size()).isEqualTo(3);
        } finally {
            fast.stop();
        }
    }

    private static void waitFor(PolicyReloader r, Outcome outcome) throws InterruptedException {
        for (int i = 0; i < 2_000 && r.lastResult().outcome() != outcome; i++) {
            Thread.sleep(5);
        }
        assertThat(r.lastResult().outcome()).isEqualTo(outcome);
    }

    @Test
    void aFileThatDoesNotParseKeepsThePreviousPoliciesAndIsReportedUntilItChanges() {
        files.policy("p.cedar", "permit(principal, action");
        reloader.check();
        ReloadResult r = reloader.check();
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.message()).contains("invalid policies in `p.cedar`");
        assertThat(reloader.check().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(store.current().size()).isEqualTo(2);
    }

    @Test
    void anEmptyFileIsRefused() {
        files.policy("p.cedar", "");
        reloader.check();
        ReloadResult r = reloader.check();
        assertThat(r.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(r.message()).contains("no policy");
        assertThat(reloader.check().outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(store.current().size()).isEqualTo(2);
    }

    @Test
    void droppingEveryForbidIsRefused() {
        files.policy("p.cedar", PERMIT + PERMIT);
        reloader.check();
        assertThat(reloader.check().outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(store.current().forbids()).isEqualTo(1);
    }

    @Test
    void droppingEverythingIsAllowedWhenConfigured() {
        PolicyStore allowing = PolicyStore.load(loader, true, java.time.Clock.systemUTC());
        files.policy("p.cedar", "");
        assertThat(allowing.reload().outcome()).isEqualTo(Outcome.RELOADED);
        assertThat(allowing.current().size()).isZero();
    }

    @Test
    void anExplicitReloadNeedsNoSecondRead() {
        files.policy("p.cedar", PERMIT + FORBID + FORBID.replace("location", "other"));
        assertThat(store.reload().outcome()).isEqualTo(Outcome.RELOADED);
        assertThat(store.current().digest()).isPresent();
    }
}
