package io.telephonyhook.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Real HTTP POSTs of Okta bodies, in a closed loop (saturation) or at a fixed arrival rate (open model). */
final class LoadGenerator {

    /** How long a caller waits for an answer: Okta gives up after 3 s; this only catches a server that stalls. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    /**
     * What the calls of a measured window got: a command saying {@code SUCCESSFUL} or {@code FAILED}, an HTTP
     * error (any other status or body), or no answer at all (timeout, connection refused or dropped, or still
     * unanswered when the window's results were taken); and their latencies in microseconds.
     */
    record Result(long sent, long successful, long failed, long httpErrors, long noAnswer, double seconds,
            Histogram latencyMicros) {

        long answers() {
            return successful + failed;
        }

        /** Throughput counts only codes that went out: a fast FAILED is not work done. */
        double successfulPerSecond() {
            return successful / seconds;
        }

        @Override
        public String toString() {
            return String.format("%d sent, %d SUCCESSFUL (%.0f/s), %d FAILED, %d HTTP errors, %d no answer", sent,
                    successful, successfulPerSecond(), failed, httpErrors, noAnswer);
        }
    }

    /** Counts the outcomes of the calls of one window. */
    private static final class Tally {
        final LongAdder successful = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder httpErrors = new LongAdder();
        final LongAdder noAnswer = new LongAdder();

        void answer(HttpResponse<String> response) {
            if (response.statusCode() != 200 || !response.body().contains("\"commands\"")) {
                httpErrors.increment();
            } else if (response.body().contains("\"status\":\"SUCCESSFUL\"")) {
                successful.increment();
            } else {
                failed.increment();
            }
        }

        Result result(long sent, long unfinished, double seconds, Histogram latencies) {
            return new Result(sent, successful.sum(), failed.sum(), httpErrors.sum(), noAnswer.sum() + unfinished,
                    seconds, latencies);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .executor(Executors.newFixedThreadPool(8)).build();
    private final URI target;
    private final String secret;
    private final List<String> bodies;
    private final AtomicLong sequence = new AtomicLong();

    LoadGenerator(int port, String secret, List<String> bodies) {
        this.target = URI.create("http://127.0.0.1:" + port + "/telephonyHook");
        this.secret = secret;
        this.bodies = bodies;
    }

    /** {@code connections} callers, each sending its next call as soon as the last is answered. */
    Result closed(int connections, Duration duration) throws InterruptedException {
        Recorder latencies = new Recorder(3);
        Tally tally = new Tally();
        LongAdder sent = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService callers = Executors.newFixedThreadPool(connections);
        CountDownLatch done = new CountDownLatch(connections);
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            callers.execute(() -> {
                while (running.get()) {
                    long due = System.nanoTime();
                    sent.increment();
                    try {
                        tally.answer(http.send(request(), HttpResponse.BodyHandlers.ofString()));
                    } catch (Exception e) {
                        tally.noAnswer.increment();
                    }
                    latencies.recordValue((System.nanoTime() - due) / 1000);
                }
                done.countDown();
            });
        }
        Thread.sleep(duration.toMillis());
        running.set(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        done.await(CALL_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        callers.shutdownNow();
        return tally.result(sent.sum(), 0, seconds, latencies.getIntervalHistogram());
    }

    /**
     * Calls arrive at {@code perSecond}, whatever the answers do, and each latency counts from when the call was
     * due to be sent, so a stall in the server (or in this generator) shows up instead of hiding. The calls of the
     * first {@code settle} are sent but not counted: the server's pools grow to this load's concurrency then.
     */
    Result open(int perSecond, Duration settle, Duration window, Duration subtract) throws InterruptedException {
        Recorder latencies = new Recorder(3);
        Tally tally = new Tally();
        long interval = 1_000_000_000L / perSecond;
        long uncounted = settle.toSeconds() * perSecond;
        long counted = window.toSeconds() * perSecond;
        long start = System.nanoTime();
        CountDownLatch done = new CountDownLatch((int) counted);
        for (long i = 0; i < uncounted + counted; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            CompletableFuture<HttpResponse<String>> call =
                    http.sendAsync(request(), HttpResponse.BodyHandlers.ofString());
            if (i < uncounted) {
                continue;
            }
            call.whenComplete((response, failure) -> {
                long micros = (System.nanoTime() - due) / 1000 - subtract.toNanos() / 1000;
                latencies.recordValue(Math.max(0, micros));
                if (failure != null) {
                    tally.noAnswer.increment();
                } else {
                    tally.answer(response);
                }
                done.countDown();
            });
        }
        done.await(CALL_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        return tally.result(counted, done.getCount(), window.toSeconds(), latencies.getIntervalHistogram());
    }

    private HttpRequest request() {
        long n = sequence.incrementAndGet();
        String body = bodies.get((int) (n % bodies.size())).replace("\"eventId\":\"", "\"eventId\":\"bench-" + n + "-");
        return HttpRequest.newBuilder(target).timeout(CALL_TIMEOUT)
                .header("Content-Type", "application/json").header("Authorization", secret)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
