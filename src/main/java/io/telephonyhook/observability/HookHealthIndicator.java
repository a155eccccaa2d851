package io.telephonyhook.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.camel.CamelContext;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import io.telephonyhook.HookRoutes;
import io.telephonyhook.config.HookMode;

/**
 * {@code telephonyHook} in {@code /actuator/health}: the mode (live or demo), each Twilio breaker's state, and how
 * repeats of an eventId are caught (a shared Redis out of reach shows here). Always
 * UP: an open breaker means Okta gets a fast FAILED and sends the code itself; taking the instance out of service
 * would turn that into connection errors and waits instead.
 */
public class HookHealthIndicator implements HealthIndicator {

    private final HookMode mode;
    private final Supplier<String> deduplication;
    private final CamelContext camel;

    /** @param deduplication how repeats of an eventId are caught now ({@code memory}, {@code redis host:port connected}) */
    public HookHealthIndicator(HookMode mode, Supplier<String> deduplication, CamelContext camel) {
        this.mode = mode;
        this.deduplication = deduplication;
        this.camel = camel;
    }

    @Override
    public Health health() {
        Map<String, String> breakers = new LinkedHashMap<>();
        for (String id : HookRoutes.BREAKERS) {
            ResilienceProcessor breaker = camel.getProcessor(id, ResilienceProcessor.class);
            breakers.put(id, breaker == null ? "NOT_STARTED" : breaker.getCircuitBreakerState());
        }
        return Health.up()
                .withDetail("mode", mode.name().toLowerCase())
                .withDetail("breakers", breakers)
                .withDetail("deduplication", deduplication.get())
                .build();
    }
}
