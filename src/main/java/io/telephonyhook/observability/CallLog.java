package io.telephonyhook.observability;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.telephonyhook.delivery.CallDeadline;
import io.telephonyhook.delivery.DeliveryOutcome;
import io.telephonyhook.okta.EventId;
import io.telephonyhook.okta.HookRefusal;
import io.telephonyhook.okta.OtpRequest;

/**
 * The one line each call leaves in the log, and the {@code eventId} every other line of the call carries.
 *
 * <p>The fields go into the message as {@code key=value} for people, and into the logging context (MDC) for
 * machines: with {@code LOG_FORMAT=json} each is a field of its own. Never the code, the secret or the full number:
 * the number is masked, and nothing else of the request is written.
 */
public class CallLog {

    public static final String EVENT_ID = "eventId";
    private static final Logger log = LoggerFactory.getLogger("telephony-hook");
    /** Room for a whole line (about 250 characters with a Twilio SID), so that it is built without growing. */
    private static final int LINE_CAPACITY = 320;

    /**
     * Puts the call's eventId in the logging context of the thread that serves the call, where every later step of
     * the route runs: camel-twilio's own thread only waits for Twilio, and the breaker waits for it on this one.
     */
    public void begin(@ExchangeProperty("otpRequest") OtpRequest request) {
        MDC.put(EVENT_ID, request.eventId());
    }

    /** The line of a call refused with an HTTP error: {@code status=401 reason="no Authorization header"}. */
    public void refused(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) HookRefusal refusal) {
        log.warn("status={} reason=\"{}\"", refusal.httpStatus(), refusal.getMessage());
    }

    /**
     * Writes the call's line, then takes its eventId out of this thread's logging context: the thread goes back to a
     * pool, and the next call it serves must not carry this one's id. Never fails the call: the answer is made.
     */
    public void answered(@ExchangeProperty("otpRequest") OtpRequest request,
                         @ExchangeProperty("deliveryOutcome") DeliveryOutcome outcome,
                         @ExchangeProperty("deadline") CallDeadline deadline) {
        try {
            write(fields(request, outcome, deadline));
        } catch (RuntimeException unexpected) {
            log.warn("Could not write the call's log line: {}", unexpected.getClass().getName());
        } finally {
            MDC.remove(EVENT_ID);
        }
    }

    /** The fields, in the line's order; each key but the eventId is taken out of the logging context after it. */
    private static final String[] KEYS = {"org", EVENT_ID, "requestType", "channel", "to", "country", "status",
            "duplicate", "reason", "twilioSid", "account", "twilioError", "latencyMs"};

    /** The values of {@link #KEYS}, null where a call has none (left out of the line and the context). */
    private static String[] fields(OtpRequest request, DeliveryOutcome outcome, CallDeadline deadline) {
        return new String[] {
                request == null ? null : request.org(),
                request == null ? EventId.NONE : request.eventId(),
                request == null ? null : request.requestType(),
                request == null ? null : request.channel().lowerCase(),
                request == null ? null : request.maskedNumber(),
                request == null || request.destination() == null ? null : request.destination().regionCode(),
                outcome.status(),
                outcome.repeated() ? "true" : null,
                outcome.reason() == null ? null : outcome.reason().code(),
                outcome.transactionId(),
                outcome.account(),
                outcome.providerError() == null ? null : String.valueOf(outcome.providerError()),
                deadline == null ? null : String.valueOf(deadline.elapsedMillis())};
    }

    private static void write(String[] values) {
        StringBuilder line = new StringBuilder(LINE_CAPACITY);
        for (int i = 0; i < KEYS.length; i++) {
            if (values[i] != null) {
                line.append(line.isEmpty() ? "" : " ").append(KEYS[i]).append('=').append(values[i]);
                MDC.put(KEYS[i], values[i]);
            }
        }
        try {
            log.info(line.toString());
        } finally {
            for (int i = 0; i < KEYS.length; i++) {
                if (values[i] != null && !KEYS[i].equals(EVENT_ID)) {
                    MDC.remove(KEYS[i]);
                }
            }
        }
    }
}
