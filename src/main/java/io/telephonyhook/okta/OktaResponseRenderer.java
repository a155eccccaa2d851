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
        return error("Invalid telephony hook request", problem.getMessage(), "INVALID_REQUEST", "body",
                problem.location());
    }

    /** HTTP 401: the caller did not prove it is Okta. */
    public OktaErrorResponse unauthenticated() {
        return error("Unauthorized", "The authentication header is missing or wrong", "UNAUTHORIZED", "header", null);
    }

    /** HTTP 415: the body is not declared as JSON. */
    public OktaErrorResponse unsupportedContentType(
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) UnsupportedContentTypeException problem) {
        return error("Unsupported media type", problem.getMessage(), "UNSUPPORTED_MEDIA_TYPE", "header",
                "Content-Type");
    }

    /** Any other HTTP error, for requests that never reach the route (unknown path, wrong method, ...). */
    public OktaErrorResponse httpError(String summary, String reason) {
        return error(summary, summary, reason, null, null);
    }

    private static OktaErrorResponse error(String summary, String cause, String reason, String locationType,
                                           String location) {
        return new OktaErrorResponse(new OktaErrorResponse.Error(summary,
                List.of(new OktaErrorResponse.ErrorCause(cause, reason, locationType, location, DOMAIN))));
    }
}
