package io.telephonyhook.observability;

import java.util.LinkedHashMap;
import java.util.Map;

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

    private static Map<String, String> fields(OtpRequest request, DeliveryOutcome outcome, CallDeadline deadline) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("org", request == null ? null : request.org());
        fields.put(EVENT_ID, request == null ? EventId.NONE : request.eventId());
        fields.put("requestType", request == null ? null : request.requestType());
        fields.put("channel", request == null ? null : request.channel().name().toLowerCase());
        fields.put("to", request == null ? null : request.maskedNumber());
        fields.put("country", request == null || request.destination() == null
                ? null : request.destination().regionCode());
        fields.put("status", outcome.status());
        fields.put("duplicate", outcome.repeated() ? "true" : null);
        fields.put("reason", outcome.reason() == null ? null : outcome.reason().code());
        fields.put("twilioSid", outcome.transactionId());
        fields.put("account", outcome.account());
        fields.put("twilioError", outcome.providerError() == null ? null : String.valueOf(outcome.providerError()));
        fields.put("latencyMs", deadline == null ? null : String.valueOf(deadline.elapsedMillis()));
        return fields;
    }

    private static void write(Map<String, String> fields) {
        StringBuilder line = new StringBuilder();
        fields.forEach((key, value) -> {
            if (value != null) {
                line.append(line.isEmpty() ? "" : " ").append(key).append('=').append(value);
                MDC.put(key, value);
            }
        });
        try {
            log.info(line.toString());
        } finally {
            fields.keySet().stream().filter(key -> !key.equals(EVENT_ID)).forEach(MDC::remove);
        }
    }
}
