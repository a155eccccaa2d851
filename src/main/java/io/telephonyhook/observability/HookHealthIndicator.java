package io.telephonyhook.observability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import io.telephonyhook.config.HookMode;

/**
 * {@code telephonyHook} in {@code /actuator/health}: the mode (live or demo) and each Twilio breaker's state. Always
 * UP: an open breaker means Okta gets a fast FAILED and sends the code itself; taking the instance out of service
 * would turn that into connection errors and waits instead.
 */
public class HookHealthIndicator implements HealthIndicator {

    private static final List<String> BREAKERS = List.of("telephony-hook-twilio-sms", "telephony-hook-twilio-voice");

    private final HookMode mode;
    private final CamelContext camel;

    public HookHealthIndicator(HookMode mode, CamelContext camel) {
        this.mode = mode;
        this.camel = camel;
    }

    @Override
    public Health health() {
        Map<String, String> breakers = new LinkedHashMap<>();
        for (String id : BREAKERS) {
            ResilienceProcessor breaker = camel.getProcessor(id, ResilienceProcessor.class);
            breakers.put(id, breaker == null ? "NOT_STARTED" : breaker.getCircuitBreakerState());
        }
        return Health.up()
                .withDetail("mode", mode.name().toLowerCase())
                .withDetail("breakers", breakers)
                .build();
    }
}
