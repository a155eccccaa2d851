package io.telephonyhook.observability;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * {@code telephonyHook} in a Spring Boot application's {@code /actuator/health}: what the hook's Camel health check
 * ({@link HookHealthCheck}) reports, as details of its own.
 */
public class HookHealthIndicator implements HealthIndicator {

    private final HookHealthCheck check;

    public HookHealthIndicator(HookHealthCheck check) {
        this.check = check;
    }

    @Override
    public Health health() {
        return Health.up().withDetails(check.details()).build();
    }
}
