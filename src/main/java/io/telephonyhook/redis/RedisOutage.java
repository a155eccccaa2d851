package io.telephonyhook.redis;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.telephonyhook.observability.CallMetrics;

/**
 * What one use of the shared Redis (deduplication, rate limits, deliveries) does when Redis does not answer: it
 * goes on with the instance's own state, counts each such call in
 * {@code telephony_hook_redis_unavailable_total{use}}, and logs once when the outage starts and once when it ends,
 * not once per call.
 */
public final class RedisOutage {

    private static final Logger log = LoggerFactory.getLogger(RedisOutage.class);

    private final String use;
    private final String meanwhile;
    private final CallMetrics metrics;
    private final AtomicBoolean down = new AtomicBoolean();

    /**
     * @param use       the metric's {@code use} tag: {@code dedup}, {@code rate-limit}, {@code deliveries}
     * @param meanwhile what the outage means, for the log: {@code repeats are caught on this instance only}
     */
    public RedisOutage(String use, String meanwhile, CallMetrics metrics) {
        this.use = use;
        this.meanwhile = meanwhile;
        this.metrics = metrics;
    }

    /** Redis answered: ends an outage, if there was one. */
    public void answered() {
        if (down.compareAndSet(true, false)) {
            log.info("The shared Redis answers again: {} is shared by the instances again", use);
        }
    }

    /** Redis did not answer this call. {@code reason} names where Redis is and what went wrong, never a command. */
    public void unavailable(String reason) {
        metrics.redisUnavailable(use);
        if (down.compareAndSet(false, true)) {
            log.warn("{}: {} until it answers", reason, meanwhile);
        }
    }
}
