package io.telephonyhook.http;

import java.time.Duration;

import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;

import io.telephonyhook.delivery.CallDeadline;

/** Gives each call its {@link CallDeadline}, counted from the request's arrival ({@link ArrivalTimeFilter}). */
public class CallDeadlines {

    private final Duration budget;

    public CallDeadlines(Duration budget) {
        this.budget = budget;
    }

    public CallDeadline fromArrival(Exchange exchange) {
        return CallDeadline.after(arrivedAtNanos(exchange), budget);
    }

    /** The arrival noted by the filter; when the route runs without it (another runtime), when Camel got the call. */
    private static long arrivedAtNanos(Exchange exchange) {
        if (exchange.getIn() instanceof PlatformHttpMessage http
                && http.getRequest().getAttribute(ArrivalTimeFilter.ARRIVED_AT) instanceof Long arrivedAt) {
            return arrivedAt;
        }
        long sinceCreated = System.currentTimeMillis() - exchange.getClock().getCreated();
        return System.nanoTime() - Duration.ofMillis(sinceCreated).toNanos();
    }
}
