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
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Real HTTP POSTs of Okta bodies, in a closed loop (saturation) or at a fixed arrival rate (open model). */
final class LoadGenerator {

    /** What a run saw: answers, errors, FAILED answers, and latencies in microseconds. */
    record Result(long answers, long errors, long failed, double seconds, Histogram latencyMicros) {

        double answersPerSecond() {
            return answers / seconds;
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
        AtomicLong answers = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService callers = Executors.newFixedThreadPool(connections);
        CountDownLatch done = new CountDownLatch(connections);
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            callers.execute(() -> {
                while (running.get()) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request(), HttpResponse.BodyHandlers.ofString());
                        count(response, answers, errors, failed);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies.recordValue((System.nanoTime() - sent) / 1000);
                }
                done.countDown();
            });
        }
        Thread.sleep(duration.toMillis());
        running.set(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        done.await(30, TimeUnit.SECONDS);
        callers.shutdownNow();
        return new Result(answers.get(), errors.get(), failed.get(), seconds, latencies.getIntervalHistogram());
    }

    /**
     * Calls arrive at {@code perSecond}, whatever the answers do, and each latency counts from when the call was
     * due to be sent, so a stall in the server (or in this generator) shows up instead of hiding.
     */
    Result open(int perSecond, Duration duration, Duration subtract) throws InterruptedException {
        Recorder latencies = new Recorder(3);
        AtomicLong answers = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long interval = 1_000_000_000L / perSecond;
        long total = duration.toSeconds() * perSecond;
        long start = System.nanoTime();
        CountDownLatch done = new CountDownLatch((int) total);
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            CompletableFuture<HttpResponse<String>> call = http.sendAsync(request(), HttpResponse.BodyHandlers.ofString());
            call.whenComplete((response, failure) -> {
                long micros = (System.nanoTime() - due) / 1000 - subtract.toNanos() / 1000;
                latencies.recordValue(Math.max(0, micros));
                if (failure != null) {
                    errors.incrementAndGet();
                } else {
                    count(response, answers, errors, failed);
                }
                done.countDown();
            });
        }
        done.await(30, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(answers.get(), errors.get(), failed.get(), seconds, latencies.getIntervalHistogram());
    }

    private HttpRequest request() {
        long n = sequence.incrementAndGet();
        String body = bodies.get((int) (n % bodies.size())).replace("\"eventId\":\"", "\"eventId\":\"bench-" + n + "-");
        return HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Authorization", secret)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static void count(HttpResponse<String> response, AtomicLong answers, AtomicLong errors, AtomicLong failed) {
        if (response.statusCode() != 200 || !response.body().contains("\"commands\"")) {
            errors.incrementAndGet();
            return;
        }
        answers.incrementAndGet();
        if (!response.body().contains("\"status\":\"SUCCESSFUL\"")) {
            failed.incrementAndGet();
        }
    }
}
