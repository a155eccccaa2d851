package io.telephonyhook.observability;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.registry.InMemoryRegistryStore;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.apache.camel.spi.IdAware;

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
        bind(camel, registry, breakers(camel).keySet());
    }

    /** Binds the meters of these breakers (an org's own accounts' routes, added as the orgs file changed). */
    public static void bind(CamelContext camel, MeterRegistry registry, Collection<String> ids) {
        // a registry holding the routes' own breakers (Camel 4.10's processor has no registry of its own to bind)
        InMemoryRegistryStore<CircuitBreaker> breakers = new InMemoryRegistryStore<>();
        Map<String, ResilienceProcessor> started = breakers(camel);
        for (String id : ids) {
            ResilienceProcessor breaker = started.get(id);
            if (breaker != null && breaker.getCircuitBreaker() != null) {
                breakers.putIfAbsent(id, breaker.getCircuitBreaker());
            }
        }
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(
                CircuitBreakerRegistry.custom().withRegistryStore(breakers).build()).bindTo(registry);
    }

    /**
     * The breakers of the hook's routes by id: the four of {@code routes/twilio-delivery.camel.yaml} and those of the
     * orgs' own Twilio accounts ({@code telephony-hook-twilio-<org>-sms}, ...), in that order; absent until started.
     */
    static Map<String, ResilienceProcessor> breakers(CamelContext camel) {
        Set<String> ids = new LinkedHashSet<>(HookRoutes.BREAKERS);
        for (Route route : camel.getRoutes()) {
            if (route.getRouteId().startsWith(HookRoutes.PREFIX)) {
                for (Processor node : route.filter(HookRoutes.PREFIX + "-twilio-*")) {
                    if (node instanceof IdAware aware && aware.getId() != null) {
                        ids.add(aware.getId());
                    }
                }
            }
        }
        Map<String, ResilienceProcessor> breakers = new LinkedHashMap<>();
        for (String id : ids) {
            if (camel.getProcessor(id) instanceof ResilienceProcessor breaker) {
                breakers.put(id, breaker);
            }
        }
        return breakers;
    }
}
