package io.telephonyhook.twilio;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * True when a Twilio request ended at the call's deadline because the hook left Twilio too little time
 * ({@link TwilioDeadlineException#hookRanOutOfTime()}): the route answers it inside the circuit breaker, as it does a
 * rejection, so the breaker never counts the hook's own overload as Twilio's outage.
 *
 * <p>A Camel {@link Predicate}, like {@link TwilioRejection}, because {@code doCatch} asks it while the exception is
 * still on the exchange.
 */
public class HookRanOutOfTime implements Predicate {

    @Override
    public boolean matches(Exchange exchange) {
        TwilioDeadlineException deadline = exchange.getException(TwilioDeadlineException.class);
        return deadline != null && deadline.hookRanOutOfTime();
    }
}
