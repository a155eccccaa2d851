package io.telephonyhook.okta;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

import io.telephonyhook.delivery.DeliveryOutcome;

/** Makes every answer Okta gets, in the exact shapes Okta documents; the route writes them as JSON. */
public class OktaResponseRenderer {

    static final String PROVIDER = "TWILIO";

    /** HTTP 200: the command saying whether the code went out. */
    public OktaAnswer command(@ExchangeProperty("deliveryOutcome") DeliveryOutcome outcome) {
        return new OktaAnswer(200, OktaCommandResponse.of(new OktaCommandResponse.Action(
                outcome.status(), PROVIDER, outcome.transactionId(), outcome.transactionMetadata())));
    }

    /** The refusal's own status and Okta error object: 401, 413, 415 or 400. */
    public OktaAnswer refusal(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) HookRefusal refusal) {
        return new OktaAnswer(refusal.httpStatus(), refusal.errorResponse());
    }
}
