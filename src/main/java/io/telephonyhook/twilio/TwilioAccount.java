package io.telephonyhook.twilio;

import java.net.URI;

/**
 * Where the Twilio REST API is and who we are there.
 *
 * @param apiUrl     the API's base URL: Twilio's own, a Twilio-compatible server, or the demo simulator
 * @param username   the account SID, or an API key SID (SK…)
 * @param password   the auth token, or the API key's secret
 * @param accountSid the account the messages and calls belong to (it is part of every request path)
 */
public record TwilioAccount(URI apiUrl, String username, String password, String accountSid) {

    /** Without the password: a record's default toString would print it. */
    @Override
    public String toString() {
        return "TwilioAccount[apiUrl=" + apiUrl + ", accountSid=" + accountSid + "]";
    }
}
