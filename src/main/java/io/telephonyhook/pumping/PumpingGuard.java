package io.telephonyhook.pumping;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.telephonyhook.config.PumpingSettings;
import io.telephonyhook.config.RateLimitSettings;
import io.telephonyhook.config.RateLimit;
import io.telephonyhook.delivery.DeliveryOutcome;
import io.telephonyhook.delivery.FailureReason;
import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.okta.OtpRequest;
import io.telephonyhook.redis.RedisOutage;
import io.telephonyhook.redis.RedisUnavailableException;

/**
 * Refuses the shape of SMS pumping (toll fraud) before it costs anything: bots requesting codes for number ranges
 * whose carriers share the revenue. A code is answered {@code FAILED} and Twilio is not called when
 * <ul>
 *   <li>the number's country (libphonenumber's region) is not in {@code HOOK_ALLOWED_COUNTRIES}
 *       ({@code reason=country-not-allowed});
 *   <li>the number has had {@code HOOK_RATE_LIMIT_PER_NUMBER} codes in its window, or its country
 *       {@code HOOK_RATE_LIMIT_PER_COUNTRY} ({@code reason=rate-limited}).
 * </ul>
 * Limits count per instance, or across instances in the shared Redis when there is one; while Redis does not answer
 * they count per instance (fail open: a code is sent rather than refused for our outage). Each refusal is logged with
 * the masked number, the country and the rule.
 */
public class PumpingGuard {

    private static final Logger log = LoggerFactory.getLogger(PumpingGuard.class);

    private final Set<String> allowedCountries;
    private final RateLimit perNumber;
    private final RateLimit perCountry;
    private final RateCounters local;
    private final RateCounters shared;
    /** A Mac is not thread-safe and costly to look up: one per thread serving calls, keyed once. */
    private final ThreadLocal<Mac> numberHashes;
    private final RedisOutage outage;
    /** What this guard's counters are kept under: "" for the hook's limits, {@code org:<id>:} for an org's own */
    private final String scope;
    /** How a refusal's log line names the rule's owner: "" for the hook's, {@code <id>'s } for an org's own */
    private final String owner;

    /**
     * @param shared    the counters instances share (Redis); null for this instance's only
     * @param numberKey a secret the instances share (the Twilio auth token): numbers are counted under a keyed hash
     */
    public PumpingGuard(PumpingSettings settings, RateLimitSettings limits, RateCounters local, RateCounters shared,
                        CallMetrics metrics, byte[] numberKey) {
        this(settings, limits, local, shared, metrics, numberKey, null);
    }

    /** As above, for the org with this id ({@code HOOK_ORGS_FILE}): its counters are its own. */
    public PumpingGuard(PumpingSettings settings, RateLimitSettings limits, RateCounters local, RateCounters shared,
                        CallMetrics metrics, byte[] numberKey, String org) {
        this.scope = org == null ? "" : "org:" + org + ":";
        this.owner = org == null ? "" : org + "'s ";
        SecretKeySpec key = new SecretKeySpec(numberKey, "HmacSHA256");
        this.numberHashes = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException everyJvmHasIt) {
                throw new IllegalStateException(everyJvmHasIt);
            }
        });
        this.allowedCountries = settings.countries();
        this.perNumber = limits.perNumberLimit();
        this.perCountry = limits.perCountryLimit();
        this.local = local;
        this.shared = shared;
        this.outage = new RedisOutage("rate-limit", "rate limits count on this instance only", metrics);
    }

    /** Null when the code may go out; otherwise the FAILED outcome that refuses it. */
    public DeliveryOutcome refusal(@ExchangeProperty("otpRequest") OtpRequest request) {
        String country = request.destination().regionCode();
        if (!allowedCountries.isEmpty() && !allowedCountries.contains(country)) {
            return refuse(FailureReason.COUNTRY_NOT_ALLOWED, "country-allowlist", request, country);
        }
        if (perNumber != null && !acquire(scope + "number:" + hashed(request.destination().value()), perNumber)) {
            return refuse(FailureReason.RATE_LIMITED, "per-number " + perNumber, request, country);
        }
        if (perCountry != null && !acquire(scope + "country:" + country, perCountry)) {
            return refuse(FailureReason.RATE_LIMITED, "per-country " + perCountry, request, country);
        }
        return null;
    }

    private boolean acquire(String key, RateLimit limit) {
        if (shared != null) {
            try {
                boolean within = shared.tryAcquire(key, limit);
                outage.answered();
                return within;
            } catch (RedisUnavailableException unavailable) {
                outage.unavailable(unavailable.getMessage());
            }
        }
        return local.tryAcquire(key, limit);
    }

    private DeliveryOutcome refuse(FailureReason reason, String rule, OtpRequest request, String country) {
        log.warn("Refused before Twilio: reason={} rule=\"{}\" to={} country={}", reason.code(), owner + rule,
                request.maskedNumber(), country);
        return DeliveryOutcome.failed(reason);
    }

    /**
     * Numbers are counted under a keyed hash, so the shared store never holds them: a plain hash of a phone number is
     * undone by trying the few billion numbers of a country.
     */
    private String hashed(String number) {
        // doFinal leaves the Mac keyed and ready for the next number
        return HexFormat.of().formatHex(numberHashes.get().doFinal(number.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }
}
