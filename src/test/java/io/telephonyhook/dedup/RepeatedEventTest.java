package io.telephonyhook.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.Prometheus;
import io.telephonyhook.support.TwilioStandIn.Reply;

/**
 * One delivery per eventId on one instance (the default, in memory): a repeat, sequential or concurrent, gets the
 * first call's answer and Twilio is called once.
 */
class RepeatedEventTest extends HookTestSupport {

    private static final String CALLS = "telephony_hook_calls_total";

    private Prometheus prometheus;

    @BeforeEach
    void scraper() {
        prometheus = new Prometheus(managementUrl());
    }

    @Test
    void theSameEventIdTwiceInARowIsSentOnceAndAnsweredTheSame() {
        OktaRequest request = OktaRequest.sms().eventId("twice-in-a-row");
        double duplicatesBefore = prometheus.value(CALLS, Map.of("reason", "duplicate", "outcome", "successful"));

        Answer first = okta.post(request);
        Answer repeat = okta.post(request);

        assertThat(first.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(twilio.received()).hasSize(1);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json()).isEqualTo(first.json()); // same status, same transactionId, same metadata
        assertThat(prometheus.value(CALLS, Map.of("reason", "duplicate", "outcome", "successful")))
                .isEqualTo(duplicatesBefore + 1);
    }

    @Test
    void twentyConcurrentCallsWithOneEventIdAreSentOnceAndAllAnsweredTheSame() throws Exception {
        twilio.answerAfter(Duration.ofMillis(300)); // the first is still in flight when the others arrive
        OktaRequest request = OktaRequest.voice().eventId("twenty-at-once");
        ExecutorService callers = Executors.newFixedThreadPool(20);
        try {
            List<CompletableFuture<Answer>> calls = IntStream.range(0, 20)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> okta.post(request), callers))
                    .toList();
            List<Answer> answers = calls.stream().map(CompletableFuture::join).toList();

            assertThat(twilio.received()).hasSize(1);
            assertThat(answers).allSatisfy(answer -> {
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
                assertThat(answer.json()).isEqualTo(answers.get(0).json());
            });
            assertThat(answers.get(0).action().path("transactionId").asText())
                    .isEqualTo(twilio.acceptedSids().get(0));
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aFailedFirstCallIsRepeatedAsFailedWithoutAskingTwilioAgain() {
        twilio.failWith(400, 21614);
        OktaRequest request = OktaRequest.sms().eventId("failed-once");

        Answer first = okta.post(request);
        twilio.script(received -> Reply.accept()); // Twilio would take it now: the repeat must not ask
        Answer repeat = okta.post(request);

        assertThat(first.actionStatus()).isEqualTo("FAILED");
        assertThat(repeat.json()).isEqualTo(first.json());
        assertThat(twilio.received()).hasSize(1);
    }

    @Test
    void differentEventIdsAreEachSent() {
        okta.post(OktaRequest.sms().eventId("one-event"));
        okta.post(OktaRequest.sms().eventId("another-event"));

        assertThat(twilio.received()).hasSize(2);
    }

    @Test
    void aRepeatWhoseFirstCallOutlastsItsDeadlineAnswersFailedInTime() throws Exception {
        twilio.script(received -> Reply.hang()); // the first waits for Twilio until its own deadline
        OktaRequest request = OktaRequest.sms().eventId("first-hangs");
        CompletableFuture<Answer> first = CompletableFuture.supplyAsync(() -> okta.post(request));
        Thread.sleep(300);

        Answer repeat = okta.post(request);

        assertThat(repeat.actionStatus()).isEqualTo("FAILED");
        assertThat(repeat.took()).isLessThan(Duration.ofMillis(3000));
        assertThat(first.get().actionStatus()).isEqualTo("FAILED");
        assertThat(twilio.received()).hasSize(1);
    }
}
