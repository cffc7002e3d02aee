package io.cedarwood.engine.validation;

import io.cedarwood.engine.value.CedarException;

/**
 * Runs the checks of a deeply nested policy on a thread of its own with a large stack, so that whether a
 * policy up to {@link Lowering#MAX_DEPTH} levels deep validates does not depend on the stack size of the
 * caller's thread. Shallow policies (nearly all) are checked on the caller's thread.
 */
final class LargeStack {
    /** Policies nested deeper than this get a thread of their own. */
    static final int SHALLOW_DEPTH = 100;
    /** Enough for {@link Lowering#MAX_DEPTH} levels with room to spare (a level takes a few kilobytes at most). */
    private static final long STACK_BYTES = 64L << 20;

    private LargeStack() {
    }

    static void run(Runnable task) {
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(null, () -> {
            try {
                task.run();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "cedar-validator-deep-policy", STACK_BYTES);
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CedarException("interrupted while validating a deeply nested policy", e);
        }
        if (failure[0] instanceof RuntimeException r) {
            throw r;
        } else if (failure[0] instanceof Error err) {
            throw err;
        } else if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
    }
}
