package io.telephonyhook.pumping;

import io.lettuce.core.ScriptOutputType;

import io.telephonyhook.config.RateLimit;
import io.telephonyhook.redis.SharedRedis;

/**
 * Counters in the Redis the instances share ({@code HOOK_DEDUP_REDIS_URL}), so a limit holds across the fleet: one key
 * per number or country, {@value #KEY_PREFIX}{key}, incremented by each code and expiring one window after the first
 * (a fixed window, counted atomically by Redis in one round trip; {@link LocalRateCounters} counts the same way).
 * Numbers appear in keys only as a hash.
 */
public final class RedisRateCounters implements RateCounters {

    static final String KEY_PREFIX = "telephony-hook:rate:";
    /** INCR, and start the window on the first code (or on a key that somehow has no expiry). */
    private static final String COUNT_IN_WINDOW = """
            local count = redis.call('INCR', KEYS[1])
            if count == 1 or redis.call('PTTL', KEYS[1]) < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
            end
            return count
            """;

    private final SharedRedis redis;

    public RedisRateCounters(SharedRedis redis) {
        this.redis = redis;
    }

    @Override
    public boolean tryAcquire(String key, RateLimit limit) {
        Long count = redis.await(redis.commands().<Long>eval(COUNT_IN_WINDOW, ScriptOutputType.INTEGER,
                new String[] {KEY_PREFIX + key}, String.valueOf(limit.window().toMillis())));
        return count != null && count <= limit.count();
    }
}
