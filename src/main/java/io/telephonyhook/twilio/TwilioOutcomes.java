package io.telephonyhook.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Message;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.telephonyhook.StepExpression;
import io.telephonyhook.delivery.DeliveryOutcome;
import io.telephonyhook.delivery.FailureReason;

/**
 * What Twilio's answer means for Okta. Twilio accepting a message or call is {@code SUCCESSFUL} with its SID.
 * A rejection of this number or message ({@link TwilioRejection}: 21211 invalid number, 21614 not SMS-capable, ...)
 * is the user's data, not an outage, so the route handles it inside the circuit breaker and the breaker never
 * counts it.
 * Everything else (5xx, 429, no connection, timeout, open breaker) reaches the breaker's fallback.
 */
public class TwilioOutcomes implements StepExpression {

    private static final Logger log = LoggerFactory.getLogger(TwilioOutcomes.class);

    /** The route's {@code deliveryOutcome} once Twilio took the code: {@link #accepted}. */
    @Override
    public Object evaluate(Exchange exchange) {
        return accepted(exchange.getMessage().getBody(), exchange.getProperty("twilioAccount", String.class));
    }

    /**
     * Twilio accepted the message or call camel-twilio returned: SUCCESSFUL with its SID and status, and the account
     * that took it (the route's {@code twilioAccount}: {@code primary} or {@code failover}).
     */
    public DeliveryOutcome accepted(@Body Object resource, @ExchangeProperty("twilioAccount") String account) {
        String took = account == null ? TwilioAccount.PRIMARY : account;
        if (resource instanceof Message message) {
            return DeliveryOutcome.delivered(message.getSid(), text(message.getStatus()), took);
        }
        if (resource instanceof Call call) {
            return DeliveryOutcome.delivered(call.getSid(), text(call.getStatus()), took);
        }
        throw new IllegalStateException("not a Twilio message or call: " + (resource == null ? null : resource.getClass()));
    }

    public DeliveryOutcome rejected(Exchange exchange) {
        ApiException error = apiError(exchange);
        return DeliveryOutcome.failed(FailureReason.TWILIO_REJECTED, error.getCode(), error.getStatusCode())
                .by(account(exchange));
    }

    /** The hook left Twilio too little time (HookRanOutOfTime): FAILED, reason deadline, not counted by the breaker. */
    public DeliveryOutcome outOfTime(Exchange exchange) {
        return DeliveryOutcome.failed(FailureReason.DEADLINE).by(account(exchange));
    }

    /** The circuit breaker's fallback: the call failed, or was not made because the breaker is open. */
    public DeliveryOutcome unavailable(Exchange exchange) {
        return failure(exchange).by(account(exchange));
    }

    private static String account(Exchange exchange) {
        return exchange.getProperty("twilioAccount", TwilioAccount.PRIMARY, String.class);
    }

    private DeliveryOutcome failure(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (failure == null) {
            // Resilience4j refused the call (CallNotPermittedException) without recording an exception on the exchange.
            return DeliveryOutcome.failed(FailureReason.CIRCUIT_OPEN);
        }
        if (ObjectHelper.getException(TwilioDeadlineException.class, failure) != null) {
            return DeliveryOutcome.failed(FailureReason.DEADLINE);
        }
        ApiConnectionException noAnswer = ObjectHelper.getException(ApiConnectionException.class, failure);
        if (noAnswer != null) {
            log.warn("Twilio unreachable: {}", noAnswer.getMessage());
            return DeliveryOutcome.failed(FailureReason.TWILIO_UNAVAILABLE);
        }
        ApiException error = ObjectHelper.getException(ApiException.class, failure);
        if (error != null) {
            log.warn("Twilio failed: HTTP {} error {}", error.getStatusCode(), error.getCode());
            return DeliveryOutcome.failed(FailureReason.TWILIO_UNAVAILABLE, error.getCode(), error.getStatusCode());
        }
        // Only the type: camel-twilio's messages quote the call's arguments, and those hold the code.
        log.error("Unexpected failure while calling Twilio: {}", failure.getClass().getName());
        return DeliveryOutcome.failed(FailureReason.INTERNAL_ERROR);
    }

    private static String text(Object status) {
        return status == null ? null : status.toString();
    }

    /** The Twilio error a doCatch caught (Camel keeps it in CamelExceptionCaught while the catch block runs). */
    private static ApiException apiError(Exchange exchange) {
        return ObjectHelper.getException(ApiException.class, exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
    }
}
