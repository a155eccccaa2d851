package io.telephonyhook.observability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.telephonyhook.deliveries.DeliveryStatuses;

/**
 * What became of the codes after Twilio accepted them, from the statuses it reported:
 * <ul>
 *   <li>{@code telephony_hook_deliveries_total{channel, status, country}}: each status recorded for a delivery (the
 *       one Twilio answered when accepting it included), once, on the instance that recorded it;
 *   <li>{@code telephony_hook_delivery_seconds{channel}}: from Twilio accepting a code to an SMS {@code delivered} or
 *       a call {@code completed}, as a histogram.
 * </ul>
 * Tags are bounded like {@link CallMetrics}'s: channel {@code sms} or {@code voice}; status one of the channel's known
 * statuses ({@link DeliveryStatuses}) or {@code other}; country an ISO 3166 region, {@code unknown} when there is
 * none, and {@code other} past the first {@value #MAX_COUNTRIES} distinct ones.
 */
public class DeliveryMetrics {

    static final int MAX_COUNTRIES = 300;
    /** libphonenumber's regions: two letters, or {@code 001} for non-geographic numbers. */
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}|[0-9]{3}");

    private final MeterRegistry registry;
    private final Set<String> countriesSeen = ConcurrentHashMap.newKeySet();
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A status recorded for a delivery of {@code channel} to {@code country}. */
    public void recorded(String channel, String status, String country) {
        String channelTag = channel(channel);
        String statusTag = DeliveryStatuses.tag(channelTag, status);
        String countryTag = country(country);
        counters.computeIfAbsent(List.of(channelTag, statusTag, countryTag), key -> Counter.builder("telephony.hook.deliveries")
                .description("Statuses Twilio reported for the codes it accepted (the first, its answer), by country")
                .tag("channel", channelTag)
                .tag("status", statusTag)
                .tag("country", countryTag)
                .register(registry)).increment();
    }

    /** A code reached its user: an SMS delivered, a call completed, {@code took} after Twilio accepted it. */
    public void delivered(String channel, Duration took) {
        if (took.isNegative()) {
            return;
        }
        String channelTag = channel(channel);
        timers.computeIfAbsent(channelTag, key -> Timer.builder("telephony.hook.delivery")
                .description("From Twilio accepting a code to an SMS delivered or a call completed")
                .tag("channel", channelTag)
                .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
                        Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofMinutes(1),
                        Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1))
                .register(registry)).record(took);
    }

    private static String channel(String channel) {
        return DeliveryStatuses.VOICE.equals(channel) ? DeliveryStatuses.VOICE : DeliveryStatuses.SMS;
    }

    private String country(String country) {
        if (country == null || !REGION.matcher(country).matches()) {
            return "unknown";
        }
        if (countriesSeen.contains(country)) {
            return country;
        }
        synchronized (countriesSeen) {
            if (countriesSeen.size() < MAX_COUNTRIES) {
                countriesSeen.add(country);
                return country;
            }
        }
        return "other";
    }
}
