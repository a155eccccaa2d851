package io.telephonyhook.twilio;

import java.util.Set;

import com.twilio.exception.ApiException;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * True when Twilio refused this message or call for what it is: a 4xx such as 21211 (invalid number), 21614 (not
 * SMS-capable) or 21610 (unsubscribed). Not 401, 403 or 404: those say our credentials, account or API URL are
 * wrong, which is an outage for every user; nor the other refusals of the account rather than the message
 * ({@link TwilioFailover#ACCOUNT_ERRORS}: a suspended account, a sender it does not own), which the breaker counts and
 * the failover account may send. Not 429: rate limiting is Twilio's condition, not the user's data.
 *
 * <p>A Camel {@link Predicate} rather than a bean method, because the route's {@code doCatch} asks it while the
 * exception is still on the exchange, and bean method calls see a copy without it.
 */
public class TwilioRejection implements Predicate {

    private static final Set<Integer> NOT_ABOUT_THE_MESSAGE = Set.of(401, 403, 404, 429);

    @Override
    public boolean matches(Exchange exchange) {
        ApiException error = exchange.getException(ApiException.class);
        Integer status = error == null ? null : error.getStatusCode();
        return status != null && status >= 400 && status < 500 && !NOT_ABOUT_THE_MESSAGE.contains(status)
                && !TwilioFailover.accountRefused(error);
    }
}
