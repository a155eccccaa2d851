package io.telephonyhook.delivery;

import java.time.Duration;

import org.apache.camel.Exchange;

import io.telephonyhook.StepExpression;

/**
 * Gives each call its {@link CallDeadline}, counted from the request's arrival. A host that sees a request before
 * Camel does (the Spring Boot hosts note it in a servlet filter) says when it arrived through {@link Arrival};
 * otherwise the deadline counts from when Camel made the exchange, which every host does.
 */
public class CallDeadlines implements StepExpression {

    /** When a host saw a request arrive. */
    @FunctionalInterface
    public interface Arrival {

        /** A {@link System#nanoTime()} reading, or null when this host did not note the request's arrival. */
        Long arrivedAtNanos(Exchange exchange);

        Arrival UNKNOWN = exchange -> null;
    }

    private final Duration budget;
    private final Arrival arrival;

    public CallDeadlines(Duration budget, Arrival arrival) {
        this.budget = budget;
        this.arrival = arrival;
    }

    /** The route's {@code deadline}: {@link #fromArrival}. */
    @Override
    public Object evaluate(Exchange exchange) {
        return fromArrival(exchange);
    }

    public CallDeadline fromArrival(Exchange exchange) {
        Long arrivedAt = arrival.arrivedAtNanos(exchange);
        return CallDeadline.after(arrivedAt != null ? arrivedAt : createdAtNanos(exchange), budget);
    }

    /** When Camel made the exchange, on the clock deadlines run on. */
    private static long createdAtNanos(Exchange exchange) {
        long sinceCreated = System.currentTimeMillis() - exchange.getClock().getCreated();
        return System.nanoTime() - Duration.ofMillis(Math.max(0, sinceCreated)).toNanos();
    }
}
