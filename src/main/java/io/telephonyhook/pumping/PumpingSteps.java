package io.telephonyhook.pumping;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.telephonyhook.config.HookMode;
import io.telephonyhook.config.RateLimitSettings;
import io.telephonyhook.config.Settings;
import io.telephonyhook.config.RateLimit;
import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.redis.SharedRedis;
import io.telephonyhook.twilio.TwilioAccount;

/** The guard against SMS pumping, the route bean {@value #PUMPING_GUARD}. */
public final class PumpingSteps {

    public static final String PUMPING_GUARD = "pumpingGuard";
    private static final Logger log = LoggerFactory.getLogger(PumpingGuard.class);

    private PumpingSteps() {
    }

    /**
     * @param redis   the Redis the instances share, or null: limits then count on this instance
     * @param account whose auth token keys the hash numbers are counted under
     */
    public static PumpingGuard pumpingGuard(Settings settings, SharedRedis redis, CallMetrics metrics,
                                            TwilioAccount account) {
        if (settings.mode() == HookMode.LIVE && settings.unguarded()) {
            log.warn("No protection from SMS pumping: anyone with Okta's credentials can send codes to any country"
                    + " at any rate on this Twilio account. Set HOOK_ALLOWED_COUNTRIES, HOOK_RATE_LIMIT_PER_NUMBER"
                    + " and HOOK_RATE_LIMIT_PER_COUNTRY (README, \"Going live\").");
        }
        return orgGuard(settings, redis, metrics, account, null);
    }

    /**
     * With an orgs file: one org's own guard ({@code org} its id: its counters are its own), or with {@code org} null
     * the hook's, whose limits count every org's codes together.
     */
    public static PumpingGuard orgGuard(Settings settings, SharedRedis redis, CallMetrics metrics,
                                        TwilioAccount account, String org) {
        RateLimitSettings limits = settings.rateLimits();
        Duration longestWindow = Stream.of(limits.perNumberLimit(), limits.perCountryLimit()).filter(Objects::nonNull)
                .map(RateLimit::window).max(Comparator.naturalOrder()).orElse(Duration.ofMinutes(1));
        return new PumpingGuard(settings.pumping(), limits, new LocalRateCounters(longestWindow),
                redis == null ? null : new RedisRateCounters(redis), metrics,
                account.password().getBytes(StandardCharsets.UTF_8), org);
    }
}
