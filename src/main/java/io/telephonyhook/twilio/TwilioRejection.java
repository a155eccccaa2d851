package io.telephonyhook.twilio;

import com.twilio.exception.ApiException;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * True when Twilio refused this message or call with a 4xx (21211 invalid number, 21614 not SMS-capable, 21610
 * unsubscribed, ...), other than 429: rate limiting is Twilio's condition, not the user's data.
 *
 * <p>A Camel {@link Predicate} rather than a bean method, because the route's {@code doCatch} asks it while the
 * exception is still on the exchange, and bean method calls see a copy without it.
 */
public class TwilioRejection implements Predicate {

    private static final int TOO_MANY_REQUESTS = 429;

    @Override
    public boolean matches(Exchange exchange) {
        ApiException error = TwilioOutcomes.causeOfType(exchange.getException(), ApiException.class);
        Integer status = error == null ? null : error.getStatusCode();
        return status != null && status >= 400 && status < 500 && status != TOO_MANY_REQUESTS;
    }
}
