package io.telephonyhook.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.telephonyhook.observability.CallMetrics;

/** Every call without Redis is counted; the outage is logged once when it starts and once when it ends. */
@ExtendWith(OutputCaptureExtension.class)
class RedisOutageTest {

    @Test
    void eachCallIsCountedAndTheOutageLoggedOnce(CapturedOutput output) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RedisOutage outage = new RedisOutage("dedup", "repeats are caught on this instance only",
                new CallMetrics(registry));

        outage.answered();
        outage.unavailable("Redis at redis.internal:6379 did not answer");
        outage.unavailable("Redis at redis.internal:6379 did not answer");
        outage.unavailable("Redis at redis.internal:6379 did not answer");
        outage.answered();
        outage.answered();

        assertThat(registry.counter("telephony.hook.redis.unavailable", "use", "dedup").count()).isEqualTo(3);
        assertThat(output.toString().split("did not answer: repeats are caught on this instance only", -1)).hasSize(2);
        assertThat(output.toString().split("answers again", -1)).hasSize(2);
    }
}
