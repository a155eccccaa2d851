package io.telephonyhook.spring;

import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;

import io.telephonyhook.delivery.CallDeadlines;
import io.telephonyhook.http.ArrivalTimeFilter;

/** The arrival {@link ArrivalTimeFilter} noted on the servlet request, before the body was read or a thread free. */
public class PlatformHttpArrival implements CallDeadlines.Arrival {

    @Override
    public Long arrivedAtNanos(Exchange exchange) {
        if (exchange.getIn() instanceof PlatformHttpMessage http
                && http.getRequest().getAttribute(ArrivalTimeFilter.ARRIVED_AT) instanceof Long arrivedAt) {
            return arrivedAt;
        }
        return null;
    }
}
