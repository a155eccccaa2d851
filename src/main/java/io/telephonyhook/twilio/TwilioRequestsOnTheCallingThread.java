package io.telephonyhook.twilio;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolFactory;
import org.apache.camel.spi.ThreadPoolProfile;

/**
 * camel-twilio hands every Twilio request to a pool thread of its own (thread profile {@value #PROFILE}) while the
 * route's thread waits for it. In the hook that wait is all the route's thread does, so the hand-off only costs: a
 * second thread per call in flight (camel-twilio's pool keeps every thread it ever made, up to its size) and a
 * wake-up per call. This factory gives that one profile an executor that runs each request on the thread that asks
 * for it, and leaves every other pool of the application to the factory it had. The deadline still bounds each
 * request ({@link DeadlineBoundHttpClient}), and {@code HOOK_MAX_CONCURRENT_CALLS} still bounds the calls in flight
 * (the route's admission step).
 */
public final class TwilioRequestsOnTheCallingThread implements ThreadPoolFactory {

    /** camel-twilio's thread profile (TwilioEndpoint's thread profile name). */
    public static final String PROFILE = "CamelTwilio";

    private final ThreadPoolFactory others;

    private TwilioRequestsOnTheCallingThread(ThreadPoolFactory others) {
        this.others = others;
    }

    /** Makes camel-twilio's requests run on the calling thread in this Camel context; idempotent. */
    public static void install(CamelContext camel) {
        ExecutorServiceManager executors = camel.getExecutorServiceManager();
        if (executors.getThreadPoolProfile(PROFILE) == null) {
            executors.registerThreadPoolProfile(new ThreadPoolProfileBuilder(PROFILE).poolSize(1).maxPoolSize(1).build());
        }
        if (!(executors.getThreadPoolFactory() instanceof TwilioRequestsOnTheCallingThread)) {
            executors.setThreadPoolFactory(new TwilioRequestsOnTheCallingThread(executors.getThreadPoolFactory()));
        }
    }

    @Override
    public ExecutorService newCachedThreadPool(ThreadFactory threadFactory) {
        return others.newCachedThreadPool(threadFactory);
    }

    @Override
    public ExecutorService newThreadPool(ThreadPoolProfile profile, ThreadFactory threadFactory) {
        return others.newThreadPool(profile, threadFactory);
    }

    @Override
    public ScheduledExecutorService newScheduledThreadPool(ThreadPoolProfile profile, ThreadFactory threadFactory) {
        return PROFILE.equals(profile.getId()) ? new CallingThreadExecutor(threadFactory)
                : others.newScheduledThreadPool(profile, threadFactory);
    }

    /**
     * Runs what is submitted or executed at once, on the caller's thread (camel-twilio only submits). What is
     * scheduled for later, which camel-twilio never does, still gets a thread, made only then.
     */
    static final class CallingThreadExecutor extends ScheduledThreadPoolExecutor {

        CallingThreadExecutor(ThreadFactory threadFactory) {
            super(0, threadFactory);
        }

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public Future<?> submit(Runnable task) {
            FutureTask<Object> done = new FutureTask<>(task, null);
            done.run();
            return done;
        }

        @Override
        public <T> Future<T> submit(Runnable task, T result) {
            FutureTask<T> done = new FutureTask<>(task, result);
            done.run();
            return done;
        }

        @Override
        public <T> Future<T> submit(Callable<T> task) {
            FutureTask<T> done = new FutureTask<>(task);
            done.run();
            return done;
        }
    }
}
