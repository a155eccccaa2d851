package io.telephonyhook.okta;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

import io.telephonyhook.delivery.DeliveryOutcome;

/** Makes every answer Okta gets, in the exact shapes Okta documents; the route marshals them to JSON. */
public class OktaResponseRenderer {

    static final String PROVIDER = "TWILIO";
    private static final String DOMAIN = "telephonyHook";

    /** HTTP 200: the command saying whether the code went out. */
    public OktaCommandResponse command(@ExchangeProperty("deliveryOutcome") DeliveryOutcome outcome) {
        return OktaCommandResponse.of(new OktaCommandResponse.Action(
                outcome.status(), PROVIDER, outcome.transactionId(), outcome.transactionMetadata()));
    }

    /** HTTP 400: what in the body could not be read. */
    public OktaErrorResponse malformed(
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) MalformedHookRequestException problem) {
        return new OktaErrorResponse(new OktaErrorResponse.Error(
                "Invalid telephony hook request",
                List.of(new OktaErrorResponse.ErrorCause(
                        problem.getMessage(), "INVALID_REQUEST", "body", problem.location(), DOMAIN))));
    }

    /** HTTP 401: the caller did not prove it is Okta. */
    public OktaErrorResponse unauthenticated() {
        return new OktaErrorResponse(new OktaErrorResponse.Error(
                "Unauthorized",
                List.of(new OktaErrorResponse.ErrorCause(
                        "The authentication header is missing or wrong", "UNAUTHORIZED", "header", null, DOMAIN))));
    }
}
