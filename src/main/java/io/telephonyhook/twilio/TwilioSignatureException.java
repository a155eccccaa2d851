package io.telephonyhook.twilio;

import io.telephonyhook.okta.HookRefusal;
import io.telephonyhook.okta.OktaErrorResponse;

/** A status report not signed by Twilio for this hook's URL: answered 403 with a JSON body, nothing recorded. */
public class TwilioSignatureException extends HookRefusal {

    public TwilioSignatureException(String message) {
        super(403, "bad_signature", message);
    }

    @Override
    public OktaErrorResponse errorResponse() {
        return OktaErrorResponse.of("Forbidden", "The request is not signed by Twilio for this URL", "FORBIDDEN",
                "header", null);
    }
}
