package io.telephonyhook.twilio;

import com.twilio.exception.ApiConnectionException;

/** The call's deadline came while Twilio had not answered: Okta gets FAILED, reason {@code deadline}. */
public class TwilioDeadlineException extends ApiConnectionException {

    public TwilioDeadlineException(String message, Throwable cause) {
        super(message, cause);
    }
}
