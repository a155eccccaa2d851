package io.telephonyhook.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.telephonyhook.support.LiveHook;
import io.telephonyhook.support.TwilioStandIn;

/**
 * HOOK_MAX_CONCURRENT_CALLS sizes both pools a call waits on: the threads serving calls (Spring's task executor, on
 * which platform-http runs each call) and the threads calling Twilio (camel-twilio's pool, profile CamelTwilio).
 */
class MaxConcurrentCallsTest {

    @Test
    void bothPoolsFollowTheSetting() {
        try (LiveHook hook = LiveHook.start(TwilioStandIn.start(), Map.of("HOOK_MAX_CONCURRENT_CALLS", "37"))) {
            assertThat(hook.bean(ThreadPoolTaskExecutor.class).getCorePoolSize()).isEqualTo(37);
            assertThat(hook.bean(CamelContext.class).getExecutorServiceManager().getThreadPoolProfile("CamelTwilio")
                    .getPoolSize()).isEqualTo(37);
        }
    }

    @Test
    void twoHundredByDefault() {
        try (LiveHook hook = LiveHook.start(TwilioStandIn.start(), Map.of())) {
            assertThat(hook.bean(ThreadPoolTaskExecutor.class).getCorePoolSize()).isEqualTo(200);
            assertThat(hook.bean(CamelContext.class).getExecutorServiceManager().getThreadPoolProfile("CamelTwilio")
                    .getPoolSize()).isEqualTo(200);
        }
    }
}
