package io.telephonyhook.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.telephonyhook.support.LiveHook;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.TwilioStandIn;

/**
 * HOOK_MAX_CONCURRENT_CALLS bounds the threads serving calls (Spring's task executor, on which platform-http runs
 * each call): they grow with the calls in flight, without a queue, and shrink back. Each call's Twilio request runs
 * on that same thread, not on a pool of camel-twilio's own (TwilioRequestsOnTheCallingThread). Calls past the maximum
 * are answered FAILED at once by the route (OverloadTest).
 */
class MaxConcurrentCallsTest {

    @Test
    void theThreadsServingCallsFollowTheSetting() {
        try (LiveHook hook = LiveHook.start(TwilioStandIn.start(), Map.of("hook.max-concurrent-calls", "37"))) {
            assertThat(hook.bean(ThreadPoolTaskExecutor.class).getMaxPoolSize()).isEqualTo(37);
            assertThat(hook.bean(ThreadPoolTaskExecutor.class).getQueueCapacity()).isZero();
        }
    }

    @Test
    void twoHundredByDefault() {
        try (LiveHook hook = LiveHook.start(TwilioStandIn.start(), Map.of())) {
            assertThat(hook.bean(ThreadPoolTaskExecutor.class).getMaxPoolSize()).isEqualTo(200);
        }
    }

    @Test
    void callsOneAfterAnotherKeepFewThreads() {
        try (LiveHook hook = LiveHook.start(TwilioStandIn.start(), Map.of())) {
            for (int i = 0; i < 30; i++) {
                assertThat(hook.okta().post(OktaRequest.sms().eventId("one-by-one-" + i)).actionStatus())
                        .isEqualTo("SUCCESSFUL");
            }
            // a pool sized by its maximum would have made a thread per call
            assertThat(hook.bean(ThreadPoolTaskExecutor.class).getPoolSize()).isLessThanOrEqualTo(8);
        }
    }

    @Test
    void twilioRequestsRunOnTheCallsOwnThreadsNotOnAPoolOfCamelTwiliosOwn() throws Exception {
        TwilioStandIn twilio = TwilioStandIn.start();
        twilio.answerAfter(Duration.ofMillis(300));
        ExecutorService okta = Executors.newFixedThreadPool(20);
        try (LiveHook hook = LiveHook.start(twilio, Map.of())) {
            List<CompletableFuture<Answer>> calls = IntStream.range(0, 20)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> hook.okta().post(OktaRequest.sms()), okta))
                    .toList();

            assertThat(calls.stream().map(CompletableFuture::join))
                    .allSatisfy(answer -> assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL"));
            assertThat(Thread.getAllStackTraces().keySet()).map(Thread::getName)
                    .noneMatch(name -> name.contains("CamelTwilio"));
        } finally {
            okta.shutdownNow();
        }
    }
}
