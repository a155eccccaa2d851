package io.telephonyhook.config;

import java.net.URI;
import java.time.Duration;

import io.telephonyhook.config.constraints.DurationRange;
import io.telephonyhook.config.constraints.Max;
import io.telephonyhook.config.constraints.Min;
import io.telephonyhook.config.constraints.Pattern;

/**
 * One delivery per Okta eventId ({@code hook.dedup.*}, environment variables {@code HOOK_DEDUP_*}), and the Redis the
 * instances share for it, for the rate limits and for the deliveries.
 */
public class DedupSettings {

    public static final String PREFIX = "hook.dedup";

    /**
     * How long an eventId and its answer are kept: a repeat within it gets the same answer and Twilio is not called
     * again; 0 turns it off; at most 24h.
     */
    @DurationRange(max = "1d", message = "must be between 0 (off) and 1 day, like 10m.")
    private Duration ttl = Duration.ofMinutes(10);

    /** The most eventIds each instance keeps in memory; the oldest go first past it. */
    @Min(value = 1, message = "must be between 1 and 10000000.")
    @Max(value = 10_000_000, message = "must be between 1 and 10000000.")
    private Integer maxEvents = 10_000;

    /**
     * A Redis the instances share (redis://host:6379, rediss:// for TLS, redis://:password@host:6379), so a retry
     * landing on another instance is caught too, rate limits hold across instances, and Twilio's status report finds
     * the delivery whichever instance it reaches. Unreachable: calls still go out.
     */
    @Pattern(regexp = "rediss?://[^/?#]+.*", message = "must be redis://host:port or rediss://host:port.")
    private String redisUrl;

    public Duration getTtl() {
        return ttl;
    }

    public void setTtl(Duration ttl) {
        this.ttl = ttl == null ? this.ttl : ttl;
    }

    public Integer getMaxEvents() {
        return maxEvents;
    }

    public void setMaxEvents(Integer maxEvents) {
        this.maxEvents = maxEvents == null ? this.maxEvents : maxEvents;
    }

    public String getRedisUrl() {
        return redisUrl;
    }

    public void setRedisUrl(String redisUrl) {
        this.redisUrl = Blank.orNull(redisUrl);
    }

    /** {@link #getRedisUrl()} as a URI; null for memory only. */
    public URI redisUri() {
        try {
            return redisUrl == null ? null : URI.create(redisUrl);
        } catch (IllegalArgumentException unreadable) {
            throw new InvalidSettingsException("HOOK_DEDUP_REDIS_URL is not a URL like redis://host:6379.");
        }
    }

    public boolean enabled() {
        return !ttl.isZero();
    }

    /** Without a password the URL may carry. */
    @Override
    public String toString() {
        URI redis = redisUri();
        return "DedupSettings[ttl=" + ttl + ", maxEvents=" + maxEvents
                + ", redis=" + (redis == null ? "none" : redis.getHost() + ":" + redis.getPort()) + "]";
    }
}
