package io.telephonyhook.pumping;

import io.telephonyhook.config.RateLimit;

/** Counts codes per key (a number, a country) against a limit: in this instance, or in the Redis instances share. */
public interface RateCounters {

    /**
     * Counts one code for {@code key}.
     *
     * @return true when it is within the limit, false when over
     * @throws io.telephonyhook.redis.RedisUnavailableException when the shared counters cannot answer
     */
    boolean tryAcquire(String key, RateLimit limit);
}
