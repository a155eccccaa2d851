package io.telephonyhook.twilio;

import java.net.URI;

/**
 * Where the Twilio REST API is and who we are there: the primary account, or the failover one.
 *
 * @param name       {@value #PRIMARY} or {@value #FAILOVER}: in metrics, log lines, Okta's metadata and deliveries
 * @param apiUrl     the API's base URL, a Twilio-compatible server or the demo simulator; null: Twilio's own, its host
 *                   chosen by the Twilio SDK from the region and edge
 * @param username   the account SID, or an API key SID (SK…)
 * @param password   the auth token, or the API key's secret
 * @param accountSid the account the messages and calls belong to (it is part of every request path)
 * @param region     the Twilio Region, as the SDK takes it (ie1, au1, ...); null: us1
 * @param edge       the Twilio edge location, as the SDK takes it (dublin, sydney, ...); null: Twilio's default
 */
public record TwilioAccount(String name, URI apiUrl, String username, String password, String accountSid,
                            String region, String edge) {

    public static final String PRIMARY = "primary";
    public static final String FAILOVER = "failover";

    /** Without the password: a record's default toString would print it. */
    @Override
    public String toString() {
        return "TwilioAccount[" + name + ", apiUrl=" + apiUrl + ", accountSid=" + accountSid + ", region=" + region
                + ", edge=" + edge + "]";
    }
}
