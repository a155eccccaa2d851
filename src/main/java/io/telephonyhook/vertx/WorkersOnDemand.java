package io.telephonyhook.vertx;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.vertx.core.spi.ExecutorServiceFactory;

/**
 * Vert.x's worker pools with threads made only when no thread is free, and let go after a minute idle.
 * <p>
 * Why: Vert.x's own pool is a fixed one ({@code Executors.newFixedThreadPool}), which makes a new thread for each task
 * until it has its full size, even while others sit idle. Okta's port sizes its pool for the calls admitted and room
 * to refuse the rest ({@code HOOK_MAX_CONCURRENT_CALLS} + 50), so after a minute of any load every one of those
 * threads would exist for good: each with its stack, and each a root the collector walks at every young collection.
 * Here a task goes to an idle thread when one waits; otherwise a thread is made, up to the pool's size; past it the
 * task waits in the queue, as in Vert.x's pool. Tomcat's request threads grow the same way.
 */
public final class WorkersOnDemand implements ExecutorServiceFactory {

    /** How long a thread with nothing to do is kept, as Tomcat's request threads */
    static final long IDLE_SECONDS = 60;

    private static final Runnable NOTHING = () -> { };

    private final long idleMillis;

    public WorkersOnDemand() {
        this(TimeUnit.SECONDS.toMillis(IDLE_SECONDS));
    }

    WorkersOnDemand(long idleMillis) {
        this.idleMillis = idleMillis;
    }

    @Override
    public ExecutorService createExecutor(ThreadFactory threadFactory, Integer concurrency, Integer maxConcurrency) {
        HandOffFirst queue = new HandOffFirst();
        return new ThreadPoolExecutor(0, maxConcurrency, idleMillis, TimeUnit.MILLISECONDS, queue, threadFactory,
                (task, pool) -> {
                    if (pool.isShutdown()) {
                        throw new RejectedExecutionException("The worker pool is closed");
                    }
                    queue.waitForAThread(task); // every thread is busy and the pool is full
                    if (pool.isShutdown() && queue.remove(task)) {
                        throw new RejectedExecutionException("The worker pool is closed");
                    }
                    if (pool.getPoolSize() == 0) { // every thread left, idle, just as it came: one to take it
                        pool.execute(NOTHING);
                    }
                });
    }

    /**
     * A queue whose {@code offer} succeeds only when a thread is waiting for work, so the pool makes a thread rather
     * than queue while it has fewer than its size.
     */
    private static final class HandOffFirst extends LinkedTransferQueue<Runnable> {

        @Override
        public boolean offer(Runnable task) {
            return tryTransfer(task);
        }

        void waitForAThread(Runnable task) {
            super.offer(task);
        }
    }
}
