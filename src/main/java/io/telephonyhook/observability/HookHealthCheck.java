package io.telephonyhook.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import io.telephonyhook.HookRoutes;
import io.telephonyhook.config.HookMode;

/**
 * The hook's health, as a Camel health check (id {@value #ID}), so every host reports it the same: the mode (live or
 * demo), each Twilio breaker's state, and how repeats of an eventId are caught (a shared Redis out of reach shows
 * here). The Spring Boot actuator shows it as {@code telephonyHook} ({@link HookHealthIndicator}); camel-main's health
 * endpoint as {@value #ID}. Always UP: an open breaker means Okta gets a fast FAILED and sends the code itself; taking
 * the instance out of service would turn that into connection errors and waits instead.
 */
public class HookHealthCheck extends AbstractHealthCheck {

    public static final String ID = "telephony-hook";

    private final HookMode mode;
    private final Supplier<String> deduplication;

    /** @param deduplication how repeats of an eventId are caught now ({@code memory}, {@code redis host:port connected}) */
    public HookHealthCheck(HookMode mode, Supplier<String> deduplication) {
        super(HookRoutes.PREFIX, ID);
        this.mode = mode;
        this.deduplication = deduplication;
    }

    /** Makes it one of {@code camel}'s health checks (where the breakers are looked up too). */
    public void registerWith(CamelContext camel) {
        setCamelContext(camel);
        HealthCheckRegistry registry = HealthCheckRegistry.get(camel);
        if (registry != null) {
            registry.register(this);
        }
    }

    /** What the check reports, in the order shown. */
    public Map<String, Object> details() {
        Map<String, String> breakers = new LinkedHashMap<>();
        HookRoutes.BREAKERS.forEach(id -> breakers.put(id, "NOT_STARTED"));
        if (getCamelContext() != null) {
            BreakerMeters.breakers(getCamelContext())
                    .forEach((id, breaker) -> breakers.put(id, breaker.getCircuitBreakerState()));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mode", mode.name().toLowerCase());
        details.put("breakers", breakers);
        details.put("deduplication", deduplication.get());
        return details;
    }

    @Override
    public boolean isLiveness() {
        return false; // an open breaker or an unreachable Redis is not a reason to restart the instance
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.details(details());
        builder.up();
    }
}
