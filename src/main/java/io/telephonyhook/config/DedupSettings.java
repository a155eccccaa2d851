package io.telephonyhook.config;

import java.net.URI;
import java.time.Duration;

/**
 * How the hook keeps one delivery per Okta {@code eventId}, the same in every host:
 *
 * @param ttl       {@code hook.dedup.ttl} / {@code HOOK_DEDUP_TTL}: how long an eventId and its answer are kept; a
 *                  repeat within it gets the same answer and Twilio is not called again. {@code 0} turns it off
 * @param maxEvents {@code hook.dedup.max-events} / {@code HOOK_DEDUP_MAX_EVENTS}: the most eventIds kept in memory
 *                  per instance (the oldest go first past it)
 * @param redisUrl  {@code hook.dedup.redis-url} / {@code HOOK_DEDUP_REDIS_URL}: a Redis ({@code redis://host:port},
 *                  {@code rediss://} for TLS, {@code redis://:password@host:port}) that instances share, so a repeat
 *                  landing on another instance is caught too; null for memory only
 */
public record DedupSettings(Duration ttl, int maxEvents, URI redisUrl) {

    public static DedupSettings from(SettingsSource settings) {
        Duration ttl = settings.duration("hook.dedup.ttl", Duration.ofMinutes(10));
        if (ttl.isNegative() || ttl.compareTo(Duration.ofDays(1)) > 0) {
            throw new InvalidSettingsException("HOOK_DEDUP_TTL must be between 0 (off) and 1 day, like 10m.");
        }
        long maxEvents = settings.number("hook.dedup.max-events", 10_000);
        if (maxEvents < 1 || maxEvents > 10_000_000) {
            throw new InvalidSettingsException("HOOK_DEDUP_MAX_EVENTS must be between 1 and 10000000.");
        }
        String redis = settings.text("hook.dedup.redis-url");
        URI redisUrl = null;
        if (redis != null) {
            try {
                redisUrl = URI.create(redis);
            } catch (IllegalArgumentException unreadable) {
                throw new InvalidSettingsException("HOOK_DEDUP_REDIS_URL is not a URL like redis://host:6379.");
            }
            if (!"redis".equals(redisUrl.getScheme()) && !"rediss".equals(redisUrl.getScheme())
                    || redisUrl.getHost() == null) {
                throw new InvalidSettingsException("HOOK_DEDUP_REDIS_URL must be redis://host:port or rediss://host:port.");
            }
        }
        return new DedupSettings(ttl, (int) maxEvents, redisUrl);
    }

    public boolean enabled() {
        return !ttl.isZero();
    }

    /** Without a password the URL may carry. */
    @Override
    public String toString() {
        return "DedupSettings[ttl=" + ttl + ", maxEvents=" + maxEvents
                + ", redis=" + (redisUrl == null ? "none" : redisUrl.getHost() + ":" + redisUrl.getPort()) + "]";
    }
}
