package io.telephonyhook.config;

import io.telephonyhook.config.constraints.Min;

/**
 * The Twilio circuit breakers ({@code hook.breaker.*}, environment variables {@code HOOK_BREAKER_*}); their thresholds
 * are in the route template ({@code routes/twilio-delivery.camel.yaml}), with comments saying why.
 */
public class BreakerSettings {

    public static final String PREFIX = "hook.breaker";

    /** How long an open circuit breaker answers FAILED at once before probing Twilio again, in seconds. */
    @Min(value = 1, message = "must be at least 1 (second).")
    private Integer openSeconds = 30;

    public Integer getOpenSeconds() {
        return openSeconds;
    }

    public void setOpenSeconds(Integer openSeconds) {
        this.openSeconds = openSeconds == null ? this.openSeconds : openSeconds;
    }

    @Override
    public String toString() {
        return "BreakerSettings[openSeconds=" + openSeconds + "]";
    }
}
