package io.telephonyhook.okta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

import io.telephonyhook.StepExpression;
import io.telephonyhook.delivery.DeliveryOutcome;

/** Makes every answer Okta gets, in the exact shapes Okta documents, and writes it as JSON. */
public class OktaResponseRenderer implements StepExpression {

    static final String PROVIDER = "TWILIO";

    /**
     * The hook's own mapper, not a Camel data format: an application's {@code camel.dataformat.jackson.*} settings
     * (its ObjectMapper with {@code auto-discover-object-mapper}, a naming strategy, pretty printing) apply to every
     * Jackson data format in its Camel context, and would rename or reshape the fields Okta reads.
     */
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The route's answer to Okta: {@link #command}. */
    @Override
    public Object evaluate(Exchange exchange) {
        return command(exchange.getProperty("deliveryOutcome", DeliveryOutcome.class));
    }

    /** HTTP 200: the command saying whether the code went out. */
    public OktaAnswer command(@ExchangeProperty("deliveryOutcome") DeliveryOutcome outcome) {
        return new OktaAnswer(200, OktaCommandResponse.of(new OktaCommandResponse.Action(
                outcome.status(), PROVIDER, outcome.transactionId(), outcome.transactionMetadata())));
    }

    /** The refusal's own status and Okta error object: 401, 413, 415 or 400. */
    public OktaAnswer refusal(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) HookRefusal refusal) {
        return new OktaAnswer(refusal.httpStatus(), refusal.errorResponse());
    }

    /**
     * HTTP 200 to Twilio for a signed status report, recorded or not (an unknown SID is logged): Twilio reads only the
     * status, and a 4xx would only fill its error log.
     */
    public OktaAnswer received() {
        return new OktaAnswer(200, java.util.Map.of("received", true));
    }

    /** HTTP 500 with a JSON error object, for a fault of ours outside Okta's calls. */
    public OktaAnswer internalError() {
        return new OktaAnswer(500, OktaErrorResponse.of("Internal error", "The request could not be handled",
                "INTERNAL_ERROR", "body", null));
    }

    /** The answer's body as Okta's JSON, field names exactly as Okta documents them. */
    public byte[] json(OktaAnswer answer) throws JsonProcessingException {
        return JSON.writeValueAsBytes(answer.body());
    }
}
