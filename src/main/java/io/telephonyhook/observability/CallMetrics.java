package io.telephonyhook.observability;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.telephonyhook.delivery.CallDeadline;
import io.telephonyhook.delivery.DeliveryOutcome;
import io.telephonyhook.okta.HookRefusal;
import io.telephonyhook.okta.OtpRequest;

/**
 * The hook's own meters, next to Camel's route metrics and Resilience4j's breaker states:
 * <ul>
 *   <li>{@code telephony_hook_calls_total{channel, request_type, outcome, reason}}: every call Okta made;
 *   <li>{@code telephony_hook_call_duration_seconds{channel, outcome}}: from arrival to answer, as a histogram;
 *   <li>{@code telephony_hook_twilio_errors_total{channel, code}}: Twilio's error codes;
 *   <li>{@code telephony_hook_authentications_total{credential}}: calls accepted, by the credential they used
 *       ({@code secret}, {@code previous-secret}, {@code oauth}): when {@code previous-secret} stays at zero, the
 *       previous secret can go;
 *   <li>{@code telephony_hook_redis_unavailable_total{use}}: calls that went on without the shared Redis, for
 *       deduplication ({@code dedup}), rate limits ({@code rate-limit}) or deliveries ({@code deliveries}).
 * </ul>
 * With an orgs file ({@code HOOK_ORGS_FILE}) the calls, their durations and the authentications carry the org's id
 * too ({@code org}, one of the file's ids, {@code none} for a call refused before its org was known); without one,
 * no {@code org} tag at all. Each request to Twilio and each failover are {@link TwilioMetrics}'; what became of the
 * codes after Twilio accepted them is {@link DeliveryMetrics}'s.
 * Every tag has a small fixed set of values, so no caller can make the series grow: reasons are an enum, request
 * types are Okta's four, and error codes are kept as sent only for the first {@value #MAX_ERROR_CODES} distinct ones.
 * For the same reason each meter is looked up in the registry once and kept: a registry look-up per call (tags
 * sorted, an id built, a map searched) was measurable at saturation.
 */
public class CallMetrics {

    static final int MAX_ERROR_CODES = 50;
    /** The org tag of a call refused before its org was known, and of every call without an orgs file. */
    static final String NO_ORG = "none";
    private static final Set<String> REQUEST_TYPES =
            Set.of("pre-enrollment", "mfa-verification", "account-unlock", "password-reset");
    private static final String OKTA_REQUEST_TYPE_PREFIX = "com.okta.user.telephony.";

    private static final Logger log = LoggerFactory.getLogger(CallMetrics.class);

    private final MeterRegistry registry;
    private final boolean byOrg;
    private final Set<Integer> errorCodesSeen = ConcurrentHashMap.newKeySet();
    private final Map<List<String>, Counter> callCounters = new ConcurrentHashMap<>();
    private final Map<List<String>, Timer> callTimers = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> authentications = new ConcurrentHashMap<>();
    private final Map<String, Counter> redisUnavailable = new ConcurrentHashMap<>();

    public CallMetrics(MeterRegistry registry) {
        this(registry, false);
    }

    /** @param byOrg whether the meters carry the org ({@code HOOK_ORGS_FILE} is set) */
    public CallMetrics(MeterRegistry registry, boolean byOrg) {
        this.registry = registry;
        this.byOrg = byOrg;
    }

    /** Where the hook's meters go: the host's registry, or the hook's own when the host has none. */
    public MeterRegistry registry() {
        return registry;
    }

    /** A call answered with Okta's command (SUCCESSFUL or FAILED). */
    public void answered(@ExchangeProperty("otpRequest") OtpRequest request,
                         @ExchangeProperty("deliveryOutcome") DeliveryOutcome outcome,
                         @ExchangeProperty("deadline") CallDeadline deadline) {
        try {
            record(request, outcome, deadline);
        } catch (RuntimeException unexpected) {
            // Metrics never change an answer already made (Okta would send a second code).
            log.warn("Could not record the call's metrics: {}", unexpected.getClass().getName());
        }
    }

    private void record(OtpRequest request, DeliveryOutcome outcome, CallDeadline deadline) {
        String channel = request == null ? "none" : request.channel().lowerCase();
        String result = outcome.delivered() ? "successful" : "failed";
        String reason = outcome.repeated() ? "duplicate"
                : outcome.reason() == null ? "none" : outcome.reason().name().toLowerCase(Locale.ROOT);
        String org = request == null || request.org() == null ? NO_ORG : request.org();
        count(org, channel, requestType(request), result, reason);
        if (deadline != null) {
            callTimer(org, channel, result).record(Duration.ofMillis(deadline.elapsedMillis()));
        }
        if (outcome.providerError() != null && !outcome.repeated()) { // Twilio answered the first call only
            Counter.builder("telephony.hook.twilio.errors")
                    .description("Twilio error codes in its answers")
                    .tag("channel", channel)
                    .tag("code", boundedCode(outcome.providerError()))
                    .register(registry).increment();
        }
    }

    /** A call the route refused with an HTTP error (401, 413, 415, 400). */
    public void refusal(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) HookRefusal refusal) {
        refused(refusal.metricReason());
    }

    /** A call refused with an HTTP error: {@code unauthenticated}, {@code malformed}, {@code too_large}, ... */
    public void refused(String reason) {
        count(NO_ORG, "none", "none", "refused", reason);
    }

    /** A call that went on without the shared Redis, for {@code dedup}, {@code rate-limit} or {@code deliveries}. */
    public void redisUnavailable(String use) {
        redisUnavailable.computeIfAbsent(use, this::redisUnavailableCounter).increment();
    }

    private Counter redisUnavailableCounter(String use) {
        return Counter.builder("telephony.hook.redis.unavailable")
                .description("Calls that went on without the shared Redis (it did not answer)")
                .tag("use", use)
                .register(registry);
    }

    /**
     * With a shared Redis ({@code HOOK_DEDUP_REDIS_URL}): {@code telephony_hook_redis_reachable}, 1 while it answers and
     * 0 from a command it failed until one succeeds, and the calls without it counted from 0 for each use, so that a
     * first outage shows as an increase.
     */
    public void watchRedis(java.util.function.BooleanSupplier reachable) {
        io.micrometer.core.instrument.Gauge.builder("telephony.hook.redis.reachable", reachable,
                        up -> up.getAsBoolean() ? 1 : 0)
                .description("1 while the shared Redis answers, 0 from a command it failed until one succeeds")
                .strongReference(true) // the supplier is a method reference no one else holds
                .register(registry);
        for (String use : List.of("dedup", "rate-limit", "deliveries")) {
            redisUnavailable.computeIfAbsent(use, this::redisUnavailableCounter);
        }
    }

    /** A call accepted with this credential ({@code secret}, {@code previous-secret}, {@code oauth}). */
    public void authenticated(String credential) {
        authenticated(credential, null);
    }

    /** As above, for the org with this id (null: the hook's one org). */
    public void authenticated(String credential, String org) {
        String orgTag = org == null ? NO_ORG : org;
        authentications.computeIfAbsent(List.of(credential, orgTag), key -> byOrg(Counter
                .builder("telephony.hook.authentications")
                .description("Calls accepted as Okta's, by the credential they used")
                .tag("credential", credential), orgTag)
                .register(registry)).increment();
    }

    private void count(String org, String channel, String requestType, String outcome, String reason) {
        List<String> tags = List.of(org, channel, requestType, outcome, reason);
        callCounters.computeIfAbsent(tags, key -> byOrg(Counter.builder("telephony.hook.calls"), org)
                .description("Calls Okta made to the hook")
                .tag("channel", channel)
                .tag("request_type", requestType)
                .tag("outcome", outcome)
                .tag("reason", reason)
                .register(registry)).increment();
    }

    private Counter.Builder byOrg(Counter.Builder meter, String org) {
        return byOrg ? meter.tag("org", org) : meter;
    }

    private Timer callTimer(String org, String channel, String outcome) {
        List<String> tags = List.of(org, channel, outcome);
        return callTimers.computeIfAbsent(tags, key -> (byOrg ? Timer.builder("telephony.hook.call.duration")
                .tag("org", org) : Timer.builder("telephony.hook.call.duration"))
                .description("From a call's arrival to its answer")
                .tag("channel", channel)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(3))
                .register(registry));
    }

    private static String requestType(OtpRequest request) {
        if (request == null || request.requestType() == null) {
            return "none";
        }
        String type = request.requestType().replace(OKTA_REQUEST_TYPE_PREFIX, "");
        return REQUEST_TYPES.contains(type) ? type : "other";
    }

    private String boundedCode(int code) {
        if (errorCodesSeen.contains(code)) {
            return String.valueOf(code);
        }
        synchronized (errorCodesSeen) {
            if (errorCodesSeen.size() < MAX_ERROR_CODES) {
                errorCodesSeen.add(code);
                return String.valueOf(code);
            }
        }
        return "other";
    }
}
