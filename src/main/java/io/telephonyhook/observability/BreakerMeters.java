package io.telephonyhook.observability;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.registry.InMemoryRegistryStore;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.resilience4j.ResilienceProcessor;

import io.telephonyhook.HookRoutes;

/**
 * The Twilio circuit breakers' meters ({@code resilience4j_circuitbreaker_state{name="telephony-hook-twilio-sms"}},
 * {@code resilience4j_circuitbreaker_calls_seconds}, ...), bound by the hook once its routes have started, on every
 * Camel line: the routes' own {@code micrometerEnabled} (camel-resilience4j-micrometer) exists only from Camel 4.15,
 * and the YAML of 4.10 and 4.14 refuses the option. The meters are Resilience4j's own, as that module binds them.
 */
public final class BreakerMeters {

    private BreakerMeters() {
    }

    /** Binds the meters of every breaker of the hook's routes that has started; none when a route has no breaker. */
    public static void bind(CamelContext camel, MeterRegistry registry) {
        // a registry holding the routes' own breakers (Camel 4.10's processor has no registry of its own to bind)
        InMemoryRegistryStore<CircuitBreaker> breakers = new InMemoryRegistryStore<>();
        for (String id : HookRoutes.BREAKERS) {
            ResilienceProcessor breaker = camel.getProcessor(id, ResilienceProcessor.class);
            if (breaker != null && breaker.getCircuitBreaker() != null) {
                breakers.putIfAbsent(id, breaker.getCircuitBreaker());
            }
        }
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(
                CircuitBreakerRegistry.custom().withRegistryStore(breakers).build()).bindTo(registry);
    }
}
