package io.telephonyhook.observability;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The call's log line and meters: the route beans {@value #HOOK_CALL_LOG} and {@value #HOOK_CALL_METRICS}, over the
 * host's {@link MeterRegistry}.
 */
public final class ObservabilitySteps {

    public static final String HOOK_CALL_LOG = "hookCallLog";
    public static final String HOOK_CALL_METRICS = "hookCallMetrics";

    private ObservabilitySteps() {
    }

    public static CallLog callLog() {
        return new CallLog();
    }

    public static CallMetrics callMetrics(MeterRegistry registry) {
        return new CallMetrics(registry);
    }

    public static DeliveryMetrics deliveryMetrics(MeterRegistry registry) {
        return new DeliveryMetrics(registry);
    }
}
