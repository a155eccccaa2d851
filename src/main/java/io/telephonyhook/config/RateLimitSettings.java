package io.telephonyhook.config;

/**
 * The rate limits against SMS pumping ({@code hook.rate-limit.*}, environment variables {@code HOOK_RATE_LIMIT_*}),
 * written {@code N/duration} such as {@code 5/10m} ({@link RateLimit}); off by default. Shared by the instances
 * through HOOK_DEDUP_REDIS_URL.
 */
public class RateLimitSettings {

    public static final String PREFIX = "hook.rate-limit";

    /**
     * At most this many codes per number, N/duration such as 5/10m; over it FAILED, reason=rate-limited, without
     * calling Twilio. Unset: no limit.
     */
    private String perNumber;

    /** At most this many codes per destination country, such as 200/1m; as the limit per number. Unset: no limit. */
    private String perCountry;

    public String getPerNumber() {
        return perNumber;
    }

    public void setPerNumber(String perNumber) {
        this.perNumber = Blank.orNull(perNumber);
    }

    public String getPerCountry() {
        return perCountry;
    }

    public void setPerCountry(String perCountry) {
        this.perCountry = Blank.orNull(perCountry);
    }

    /** At most this many codes per number; null for no limit. */
    public RateLimit perNumberLimit() {
        return RateLimit.parse("HOOK_RATE_LIMIT_PER_NUMBER", perNumber);
    }

    /** At most this many codes per destination country; null for no limit. */
    public RateLimit perCountryLimit() {
        return RateLimit.parse("HOOK_RATE_LIMIT_PER_COUNTRY", perCountry);
    }

    void check() {
        perNumberLimit();
        perCountryLimit();
    }

    @Override
    public String toString() {
        return "RateLimitSettings[perNumber=" + perNumber + ", perCountry=" + perCountry + "]";
    }
}
