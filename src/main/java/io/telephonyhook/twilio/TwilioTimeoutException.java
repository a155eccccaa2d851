package io.telephonyhook.twilio;

import com.twilio.exception.ApiConnectionException;

/** Twilio did not answer in time (connecting, or waiting for its reply). */
public class TwilioTimeoutException extends ApiConnectionException {

    public TwilioTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
