package io.telephonyhook.twilio;

import io.telephonyhook.okta.HookRefusal;
import io.telephonyhook.okta.OktaErrorResponse;

/**
 * A status report whose form cannot be read (a {@code %} without two hex digits after it, a byte outside printable
 * ASCII): answered 400 with a JSON body, nothing recorded, and logged in one line that never quotes the form.
 */
public class MalformedStatusReportException extends HookRefusal {

    public MalformedStatusReportException() {
        super(400, "malformed", "a form that cannot be read");
    }

    @Override
    public OktaErrorResponse errorResponse() {
        return OktaErrorResponse.of("Bad request", "The request is not a form Twilio sends", "INVALID_REQUEST", "body",
                null);
    }
}
