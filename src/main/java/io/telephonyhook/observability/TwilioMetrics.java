package io.telephonyhook.observability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.telephonyhook.twilio.TwilioRequestListener;

/**
 * The hook's requests to Twilio and its failovers, as meters (tags bounded: accounts, channels, statuses, causes):
 * <ul>
 *   <li>{@code telephony_hook_twilio_request_duration_seconds{account, channel, result}}: each request to Twilio, by
 *       account ({@code primary}, {@code failover});</li>
 *   <li>{@code telephony_hook_failovers_total{channel, cause, outcome}}: codes the primary account certainly did not
 *       take ({@code cause}: {@code circuit-open}, {@code twilio-5xx}, {@code twilio-429}, {@code not-sent},
 *       {@code account-refused}), {@code outcome} {@code tried} or {@code no-time} (too little of the deadline
 *       left).</li>
 * </ul>
 */
public class TwilioMetrics implements TwilioRequestListener {

    private final MeterRegistry registry;
    private final Map<List<String>, Timer> requests = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> failovers = new ConcurrentHashMap<>();

    public TwilioMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void requestCompleted(String account, String channel, Duration took, String result) {
        requests.computeIfAbsent(List.of(account, channel, result), key -> Timer.builder(
                        "telephony.hook.twilio.request.duration")
                .description("Requests to Twilio's API, from sending to the answer or giving up")
                .tag("account", account)
                .tag("channel", channel)
                .tag("result", result)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofSeconds(3))
                .register(registry)).record(took);
    }

    /** A code the primary account did not take: sent to the failover account ({@code tried}), or not for lack of time. */
    public void failover(String channel, String cause, boolean tried) {
        failovers.computeIfAbsent(List.of(channel, cause, String.valueOf(tried)), key -> Counter.builder(
                        "telephony.hook.failovers")
                .description("Codes the primary Twilio account did not take, and whether the failover account was tried")
                .tag("channel", channel)
                .tag("cause", cause)
                .tag("outcome", tried ? "tried" : "no-time")
                .register(registry)).increment();
    }
}
