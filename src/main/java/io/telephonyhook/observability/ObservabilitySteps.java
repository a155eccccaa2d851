package io.telephonyhook.observability;

import io.micrometer.core.instrument.MeterRegistry;

import io.telephonyhook.config.Settings;
import io.telephonyhook.dedup.OneDeliveryPerEvent;

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

    /** @param byOrg whether the meters carry the org: HOOK_ORGS_FILE is set */
    public static CallMetrics callMetrics(MeterRegistry registry, boolean byOrg) {
        return new CallMetrics(registry, byOrg);
    }

    /** The hook's health; the host sets its CamelContext (where the breakers are) and registers it with Camel. */
    public static HookHealthCheck healthCheck(Settings settings, OneDeliveryPerEvent dedup) {
        return new HookHealthCheck(settings.mode(), dedup::state);
    }

    public static TwilioMetrics twilioMetrics(MeterRegistry registry) {
        return new TwilioMetrics(registry);
    }

    public static DeliveryMetrics deliveryMetrics(MeterRegistry registry) {
        return new DeliveryMetrics(registry);
    }
}
