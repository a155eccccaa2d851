package io.telephonyhook.pumping;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.telephonyhook.config.RateLimit;

/**
 * This instance's counters, with the same rule as the Redis ones ({@link RedisRateCounters}), so a limit means the
 * same on one instance and on many: a fixed window per key that starts with the first code counted and lasts the
 * limit's window; every code in it counts, and one past the limit's count is refused. Keys whose window has passed
 * start again; there are at most {@value #MAX_KEYS}, so a flood of distinct numbers cannot fill the heap.
 */
public final class LocalRateCounters implements RateCounters {

    static final int MAX_KEYS = 100_000;

    private final Cache<String, Window> windows;
    private final Ticker ticker;

    /** @param longestWindow the longest window of the limits counted here: a key idle that long is dropped */
    public LocalRateCounters(Duration longestWindow) {
        this(longestWindow, Ticker.systemTicker());
    }

    LocalRateCounters(Duration longestWindow, Ticker ticker) {
        this.ticker = ticker;
        this.windows = Caffeine.newBuilder().expireAfterAccess(longestWindow).maximumSize(MAX_KEYS).ticker(ticker)
                .executor(Runnable::run).build();
    }

    @Override
    public boolean tryAcquire(String key, RateLimit limit) {
        long now = ticker.read();
        Window window = windows.asMap().compute(key, (ignored, current) ->
                current == null || now - current.startNanos() >= limit.window().toNanos()
                        ? new Window(now, 1) : new Window(current.startNanos(), current.count() + 1));
        return window.count() <= limit.count();
    }

    /** A key's window: when it started, and the codes counted in it. */
    private record Window(long startNanos, long count) {
    }
}
