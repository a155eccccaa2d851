package io.telephonyhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;

/**
 * Okta allows an org 35 to 75 hook calls in flight. All 75 at once, with Twilio taking half a second each, must be
 * answered about half a second later, not queued behind each other past Okta's 3 seconds.
 */
class ConcurrentCallsTest extends HookTestSupport {

    private static final int IN_FLIGHT = 75;

    @Test
    void seventyFiveCallsInFlightAreAnsweredSideBySide() {
        ExecutorService callers = Executors.newFixedThreadPool(IN_FLIGHT);
        try {
            burst(callers); // a first burst starts the threads and warms the code, as a running service is
            twilio.reset();
            twilio.answerAfter(Duration.ofMillis(500));

            List<Answer> answers = burst(callers);

            assertThat(answers).allSatisfy(answer -> {
                assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
                assertThat(answer.took()).isLessThan(Duration.ofMillis(2500)); // served together, within the deadline
            });
            assertThat(twilio.received()).hasSize(IN_FLIGHT);
        } finally {
            callers.shutdownNow();
        }
    }

    private List<Answer> burst(ExecutorService callers) {
        List<CompletableFuture<Answer>> calls = IntStream.range(0, IN_FLIGHT)
                .mapToObj(i -> CompletableFuture.supplyAsync(
                        () -> okta.post(OktaRequest.sms()), callers)) // each call its own eventId
                .toList();
        return calls.stream().map(CompletableFuture::join).toList();
    }
}
