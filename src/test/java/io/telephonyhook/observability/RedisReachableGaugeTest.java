package io.telephonyhook.observability;

import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code telephony_hook_redis_reachable} follows the shared Redis, and survives garbage collection (Micrometer holds a
 * gauge's object weakly unless told otherwise: a gauge on a method reference no one else holds read NaN after the
 * first collection), and the calls without Redis are counted from 0 for each use.
 */
class RedisReachableGaugeTest {

    @Test
    void theGaugeFollowsRedisAfterAGarbageCollection() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicBoolean answering = new AtomicBoolean(true);
        new CallMetrics(registry).watchRedis(answering::get);
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }

        assertThat(registry.get("telephony.hook.redis.reachable").gauge().value()).isEqualTo(1.0);
        answering.set(false);
        assertThat(registry.get("telephony.hook.redis.reachable").gauge().value()).isEqualTo(0.0);
        assertThat(registry.get("telephony.hook.redis.unavailable").counters()).hasSize(3)
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
    }
}
