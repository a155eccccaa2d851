package io.telephonyhook.pumping;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;

import io.telephonyhook.config.RateLimit;

/**
 * This instance's counters: one Bucket4j bucket per key, holding {@code count} codes and refilled whole every
 * {@code window} from its first use (the same window the Redis counters keep). Buckets unused for a whole window are
 * dropped, and there are at most {@value #MAX_KEYS}, so a flood of distinct numbers cannot fill the heap.
 */
public final class LocalRateCounters implements RateCounters {

    static final int MAX_KEYS = 100_000;

    private final Cache<String, Bucket> buckets;

    /** @param longestWindow the longest window of the limits counted here: a bucket idle that long is full again */
    public LocalRateCounters(Duration longestWindow) {
        this.buckets = Caffeine.newBuilder().expireAfterAccess(longestWindow).maximumSize(MAX_KEYS).build();
    }

    @Override
    public boolean tryAcquire(String key, RateLimit limit) {
        return buckets.get(key, ignored -> Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.count()).refillIntervally(limit.count(), limit.window()))
                .build()).tryConsume(1);
    }
}
