package io.telephonyhook.config;

import java.time.Duration;

/**
 * How long and how many of the messages and calls Twilio accepted the hook keeps, with the statuses Twilio reported
 * for them (package {@code io.telephonyhook.deliveries}), the same in every host:
 *
 * @param max {@code hook.deliveries.max} / {@code HOOK_DELIVERIES_MAX}: the most deliveries kept in memory per
 *            instance; past it the oldest sent goes first
 * @param ttl {@code hook.deliveries.ttl} / {@code HOOK_DELIVERIES_TTL}: how long a delivery is kept after it was sent,
 *            in memory and in the shared Redis ({@code HOOK_DEDUP_REDIS_URL})
 */
public record DeliverySettings(int max, Duration ttl) {

    public static DeliverySettings from(SettingsSource settings) {
        long max = settings.number("hook.deliveries.max", 5_000);
        if (max < 1 || max > 1_000_000) {
            throw new InvalidSettingsException("HOOK_DELIVERIES_MAX must be between 1 and 1000000.");
        }
        Duration ttl = settings.duration("hook.deliveries.ttl", Duration.ofHours(24));
        if (ttl.compareTo(Duration.ofMinutes(1)) < 0 || ttl.compareTo(Duration.ofDays(7)) > 0) {
            throw new InvalidSettingsException("HOOK_DELIVERIES_TTL must be between 1m and 7 days, like 24h.");
        }
        return new DeliverySettings((int) max, ttl);
    }
}
