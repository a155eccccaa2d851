package io.telephonyhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.apache.camel.CamelContext;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.telephonyhook.support.LiveHook;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.TwilioStandIn;

/**
 * Overload is not an outage: past HOOK_MAX_CONCURRENT_CALLS calls in flight, a call is answered FAILED at once
 * (reason=overloaded) rather than queued into its deadline, nothing answers after Okta's 3 s, and the breaker stays
 * closed against a healthy Twilio.
 */
class OverloadTest {

    private static final int MAX = 10;
    private static final TwilioStandIn twilio = TwilioStandIn.start();
    private static LiveHook hook;

    @BeforeAll
    static void start() {
        hook = LiveHook.start(twilio, Map.of("hook.max-concurrent-calls", String.valueOf(MAX)));
        hook.okta().post(OktaRequest.sms()); // loads the classes of a call's path
    }

    @AfterAll
    static void stop() {
        hook.close();
    }

    @Test
    void callsPastTheMaximumAreAnsweredFailedAtOnceAndTheBreakerStaysClosed() {
        twilio.reset();
        // healthy, but slow enough that the first MAX are still in flight while the others arrive: a shed call
        // answered sooner than Twilio answers did not wait for a place, however loaded this machine is
        Duration twilioTakes = Duration.ofMillis(1500);
        twilio.answerAfter(twilioTakes);
        ExecutorService okta = Executors.newFixedThreadPool(100);
        try {
            List<CompletableFuture<Answer>> calls = IntStream.range(0, 100)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> hook.okta().post(OktaRequest.sms()), okta))
                    .toList();
            List<Answer> answers = calls.stream().map(CompletableFuture::join).toList();

            List<Answer> delivered = answers.stream().filter(a -> a.actionStatus().equals("SUCCESSFUL")).toList();
            List<Answer> shed = answers.stream().filter(a -> a.metadata().equals("reason=overloaded")).toList();
            assertThat(delivered.size() + shed.size()).as("every answer is SUCCESSFUL or overloaded").isEqualTo(100);
            assertThat(delivered).hasSizeBetween(MAX, 100 - 1);
            assertThat(shed).isNotEmpty().allSatisfy(answer -> {
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.actionStatus()).isEqualTo("FAILED");
                assertThat(answer.took()).as("shed at once, not after Twilio's answer").isLessThan(twilioTakes);
            });
            assertThat(answers).allSatisfy(answer -> assertThat(answer.took()).isLessThan(Duration.ofSeconds(3)));
            assertThat(twilio.received()).hasSameSizeAs(delivered); // nothing shed reached Twilio
            assertThat(breaker("telephony-hook-twilio-sms").getCircuitBreakerState()).isEqualTo("CLOSED");
        } finally {
            okta.shutdownNow();
        }
    }

    private static ResilienceProcessor breaker(String id) {
        return hook.bean(CamelContext.class).getProcessor(id, ResilienceProcessor.class);
    }
}
