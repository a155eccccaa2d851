package io.telephonyhook.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ThreadPoolProfile;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.telephonyhook.support.LiveHook;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.TwilioStandIn;

/**
 * HOOK_MAX_CONCURRENT_CALLS bounds both pools a call waits on: the threads serving calls (Spring's task executor, on
 * which platform-http runs each call) and the threads calling Twilio (camel-twilio's pool, profile CamelTwilio).
 * The first grows with the calls in flight, without a queue, and a call past its maximum runs on the server's request
 * thread; the second is camel-twilio's scheduled pool, which keeps its threads and queues past them. (Calls past the
 * maximum are answered FAILED at once by the route: OverloadTest.)
 */
class MaxConcurrentCallsTest {

    @Test
    void bothPoolsFollowTheSetting() {
        try (LiveHook hook = LiveHook.start(TwilioStandIn.start(), Map.of("hook.max-concurrent-calls", "37"))) {
            assertThat(hook.bean(ThreadPoolTaskExecutor.class).getMaxPoolSize()).isEqualTo(37);
            assertThat(hook.bean(ThreadPoolTaskExecutor.class).getQueueCapacity()).isZero();
            assertThat(twilioPool(hook).getPoolSize()).isEqualTo(37);
        }
    }

    @Test
    void twoHundredByDefault() {
        try (LiveHook hook = LiveHook.start(TwilioStandIn.start(), Map.of())) {
            assertThat(hook.bean(ThreadPoolTaskExecutor.class).getMaxPoolSize()).isEqualTo(200);
            assertThat(twilioPool(hook).getPoolSize()).isEqualTo(200);
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

    private static ThreadPoolProfile twilioPool(LiveHook hook) {
        return hook.bean(CamelContext.class).getExecutorServiceManager().getThreadPoolProfile("CamelTwilio");
    }
}
