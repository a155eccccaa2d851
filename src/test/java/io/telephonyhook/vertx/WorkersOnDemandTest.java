package io.telephonyhook.vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.impl.VertxBuilder;
import org.junit.jupiter.api.Test;

class WorkersOnDemandTest {

    private final ExecutorService pool = new WorkersOnDemand(30_000)
            .createExecutor(Executors.defaultThreadFactory(), 4, 4);

    @Test
    void aTaskAfterAnotherGoesToTheThreadThatIsFree() throws Exception {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 20; i++) {
            pool.submit(() -> threads.add(Thread.currentThread().getName())).get(5, TimeUnit.SECONDS);
            awaitIdle(pool);
        }
        assertThat(threads).hasSize(1);
        pool.shutdownNow();
    }

    @Test
    void tasksAtOnceGetAThreadEachUpToTheSizeThenWaitForOne() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(4);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch allDone = new CountDownLatch(6);
        for (int i = 0; i < 6; i++) {
            pool.execute(() -> {
                threads.add(Thread.currentThread().getName());
                started.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                allDone.countDown();
            });
        }
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(((ThreadPoolExecutor) pool).getPoolSize()).isEqualTo(4);
        assertThat(((ThreadPoolExecutor) pool).getQueue()).hasSize(2);

        release.countDown();
        assertThat(allDone.await(5, TimeUnit.SECONDS)).isTrue(); // the two queued ran on the same four
        assertThat(threads).hasSize(4);
        pool.shutdownNow();
    }

    @Test
    void anIdleThreadIsLetGoAndAClosedPoolTakesNothing() throws Exception {
        ExecutorService pool = new WorkersOnDemand(300).createExecutor(Executors.defaultThreadFactory(), 4, 4);
        pool.submit(() -> { }).get(5, TimeUnit.SECONDS);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (((ThreadPoolExecutor) pool).getPoolSize() > 0 && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(((ThreadPoolExecutor) pool).getPoolSize()).isZero();

        pool.shutdown();
        assertThatThrownBy(() -> pool.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void aTaskRefusedAsThePoolWasFullRunsWhenEveryThreadHasLeftSince() throws Exception {
        // The race, made to happen: the pool refused a task as full, and before it was queued the last thread, idle,
        // left (its own look at the queue found it empty). The refusal's handler is called as the pool would call it.
        ThreadPoolExecutor pool = (ThreadPoolExecutor) new WorkersOnDemand(30_000)
                .createExecutor(Executors.defaultThreadFactory(), 1, 1);
        CountDownLatch ran = new CountDownLatch(1);
        assertThat(pool.getPoolSize()).isZero();

        pool.getRejectedExecutionHandler().rejectedExecution(ran::countDown, pool);

        assertThat(ran.await(5, TimeUnit.SECONDS)).as("the queued task ran").isTrue();
        assertThat(pool.getQueue()).isEmpty();
        pool.shutdownNow();
    }

    @Test
    void vertxBlockingCodeOneAfterAnotherUsesOneWorkerWhereVertxsOwnPoolMakesOneEach() throws Exception {
        // at most 2: the worker may, rarely, not be back waiting when the next comes
        assertThat(workersForSequentialBlockingCode(new WorkersOnDemand())).isLessThanOrEqualTo(2);
        assertThat(workersForSequentialBlockingCode(null)).isEqualTo(10); // why: Vert.x's fixed pool
    }

    private static int workersForSequentialBlockingCode(WorkersOnDemand factory) throws Exception {
        VertxBuilder builder = new VertxBuilder(new VertxOptions().setWorkerPoolSize(50));
        if (factory != null) {
            builder.executorServiceFactory(factory);
        }
        Vertx vertx = builder.init().vertx();
        try {
            Set<String> threads = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < 10; i++) {
                vertx.executeBlocking(() -> threads.add(Thread.currentThread().getName()), false)
                        .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
                Thread.sleep(50); // the worker back waiting before the next
            }
            return threads.size();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** Until the thread is back waiting on the queue, not only done with its task */
    private static void awaitIdle(ExecutorService pool) throws InterruptedException {
        LinkedTransferQueue<?> queue = (LinkedTransferQueue<?>) ((ThreadPoolExecutor) pool).getQueue();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!queue.hasWaitingConsumer() && System.nanoTime() < until) {
            Thread.sleep(1);
        }
    }
}
