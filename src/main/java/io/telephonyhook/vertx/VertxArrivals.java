package io.telephonyhook.vertx;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

import io.telephonyhook.delivery.CallDeadlines;

/**
 * When each call on Okta's path reached a Vert.x server of the hook's, before its body was read, as the servlet hosts'
 * {@code ArrivalTimeFilter} notes it: the call's deadline counts from it. {@link VertxGuards} notes it; an entry lasts
 * until the call's answer is written or its connection drops.
 */
public final class VertxArrivals implements CallDeadlines.Arrival {

    private final Map<HttpServerRequest, Long> arrivals = new ConcurrentHashMap<>();

    /** Notes that the call arrives now, and returns that time ({@link System#nanoTime()}). */
    long note(RoutingContext call) {
        HttpServerRequest request = call.request(); // the same object Camel's message holds
        long now = System.nanoTime();
        arrivals.put(request, now);
        call.addEndHandler(ended -> arrivals.remove(request));
        return now;
    }

    @Override
    public Long arrivedAtNanos(Exchange exchange) {
        return exchange.getIn() instanceof HttpMessage http ? arrivals.get(http.getRequest()) : null;
    }
}
