package io.telephonyhook.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Message;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.telephonyhook.delivery.DeliveryOutcome;
import io.telephonyhook.delivery.FailureReason;

/**
 * What Twilio's answer means for Okta. Twilio accepting a message or call is {@code SUCCESSFUL} with its SID.
 * A 4xx is a rejection of this number or message (21211 invalid number, 21614 not SMS-capable, ...): the user's
 * data, not an outage, so the route handles it inside the circuit breaker ({@link TwilioRejection}) and the
 * breaker never counts it.
 * Everything else (5xx, 429, no connection, timeout, open breaker) reaches the breaker's fallback.
 */
public class TwilioOutcomes {

    private static final Logger log = LoggerFactory.getLogger(TwilioOutcomes.class);

    public DeliveryOutcome messageAccepted(@Body Message message) {
        return DeliveryOutcome.delivered(message.getSid(), String.valueOf(message.getStatus()));
    }

    public DeliveryOutcome callAccepted(@Body Call call) {
        return DeliveryOutcome.delivered(call.getSid(), String.valueOf(call.getStatus()));
    }

    public DeliveryOutcome rejected(Exchange exchange) {
        ApiException error = apiError(exchange);
        return DeliveryOutcome.failed(FailureReason.TWILIO_REJECTED, error.getCode(), error.getStatusCode());
    }

    /** The circuit breaker's fallback: the call failed, or was not made because the breaker is open. */
    public DeliveryOutcome unavailable(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            // Resilience4j refused the call (CallNotPermittedException) without recording an exception on the exchange.
            return DeliveryOutcome.failed(FailureReason.CIRCUIT_OPEN);
        }
        ApiConnectionException noAnswer = causeOfType(failure, ApiConnectionException.class);
        if (noAnswer != null) {
            log.warn("Twilio unreachable: {}", noAnswer.getMessage());
            boolean timedOut = causeOfType(failure, java.util.concurrent.TimeoutException.class) != null;
            return DeliveryOutcome.failed(timedOut ? FailureReason.TWILIO_TIMEOUT : FailureReason.TWILIO_UNAVAILABLE);
        }
        ApiException error = causeOfType(failure, ApiException.class);
        if (error != null) {
            log.warn("Twilio failed: HTTP {} error {}", error.getStatusCode(), error.getCode());
            return DeliveryOutcome.failed(FailureReason.TWILIO_UNAVAILABLE, error.getCode(), error.getStatusCode());
        }
        // Only the type: camel-twilio's messages quote the call's arguments, and those hold the code.
        log.error("Unexpected failure while calling Twilio: {}", failure.getClass().getName());
        return DeliveryOutcome.failed(FailureReason.INTERNAL_ERROR);
    }

    /** The Twilio error a doCatch caught (Camel keeps it in CamelExceptionCaught while the catch block runs). */
    private static ApiException apiError(Exchange exchange) {
        return causeOfType(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class), ApiException.class);
    }

    static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
