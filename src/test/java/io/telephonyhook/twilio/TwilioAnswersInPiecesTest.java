package io.telephonyhook.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;

/**
 * Twilio's answers read as they arrive: a stand-in that answers as real servers and proxies may (the headers at once,
 * the body in chunks after 300 ms, then the end), 75 calls in flight, Okta's peak for one org, with every core busy as
 * at that peak. Each answer is read whole (the SID comes back), and the Twilio request takes the stand-in's time plus
 * one wake-up of the call's thread, not a hand-off from thread to thread that queues behind the CPU.
 */
class TwilioAnswersInPiecesTest extends HookTestSupport {

    private static final int IN_FLIGHT = 75;
    private static final Duration TWILIO_TAKES = Duration.ofMillis(300);
    /**
     * What reading 75 answers at once on busy cores may add on top of the stand-in's 300 ms, on average. Measured here
     * (2 cores): reading on each call's own thread adds 27-38 ms; the JDK client, whose answers wait for its selector
     * thread and then an executor thread before the call's thread wakes, added 105-180 ms.
     */
    private static final Duration READING_MAY_ADD = Duration.ofMillis(100);

    @Autowired
    private MeterRegistry meters;

    @Test
    void answersInPiecesAreReadAsTheyArriveWithoutQueueing() {
        ExecutorService callers = Executors.newFixedThreadPool(IN_FLIGHT);
        try {
            twilio.answerInPieces(true);
            twilio.answerAfter(TWILIO_TAKES);
            burst(callers); // starts the threads, opens the connections and warms the code, as a running service has
            Timer.Id id = twilioTimer().getId();
            long countBefore = twilioTimer().count();
            double totalBefore = twilioTimer().totalTime(java.util.concurrent.TimeUnit.NANOSECONDS);

            List<Answer> answers;
            try (Busy busy = new Busy()) {
                answers = IntStream.range(0, 4).mapToObj(round -> burst(callers)).flatMap(List::stream).toList();
            }

            assertThat(answers).allSatisfy(answer -> {
                assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
                assertThat(answer.action().path("transactionId").asText()).startsWith("SM");
            });
            long requests = twilioTimer().count() - countBefore;
            double meanNanos = (twilioTimer().totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) - totalBefore) / requests;
            assertThat(requests).as(id.toString()).isEqualTo(4L * IN_FLIGHT);
            assertThat(Duration.ofNanos((long) meanNanos)).as("the Twilio request's mean")
                    .isLessThan(TWILIO_TAKES.plus(READING_MAY_ADD));
        } finally {
            callers.shutdownNow();
        }
    }

    /**
     * Every core kept busy, as a hook at Okta's peak keeps them (the calls, their logging and metrics, the collector):
     * then an answer that must wait for a reader thread, and for that thread to hand it on, waits for the CPU each time.
     */
    private static final class Busy implements AutoCloseable {

        private final java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        private final List<Thread> burners;

        Busy() {
            burners = IntStream.range(0, 4 * Runtime.getRuntime().availableProcessors()).mapToObj(i -> {
                Thread burner = new Thread(() -> {
                    long spin = 0;
                    while (!done.get()) {
                        spin++;
                    }
                    if (spin == 42) {
                        System.out.print("");
                    }
                }, "busy-core-" + i);
                burner.setDaemon(true);
                burner.start();
                return burner;
            }).toList();
        }

        @Override
        public void close() {
            done.set(true);
            burners.forEach(thread -> {
                try {
                    thread.join();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    private Timer twilioTimer() {
        return meters.get("telephony.hook.twilio.request.duration").tag("channel", "sms").tag("result", "201").timer();
    }

    private List<Answer> burst(ExecutorService callers) {
        return IntStream.range(0, IN_FLIGHT)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> okta.post(OktaRequest.sms()), callers))
                .toList().stream().map(CompletableFuture::join).toList();
    }
}
