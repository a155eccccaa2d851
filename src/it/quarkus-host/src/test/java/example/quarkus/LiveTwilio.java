package example.quarkus;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.TwilioStandIn;

/**
 * The hook live against the Twilio stand-in on loopback (a real HTTP server the real Twilio SDK talks to, as strict
 * as Twilio), with Okta's secret: the settings by their keys, as this application's configuration would hold them.
 */
public class LiveTwilio implements QuarkusTestProfile {

    static final TwilioStandIn TWILIO = TwilioStandIn.start();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("twilio.account-sid", TwilioStandIn.ACCOUNT_SID, "twilio.auth-token", TwilioStandIn.AUTH_TOKEN,
                "twilio.api-url", TWILIO.url().toString(), "twilio.from-number", "+15017122661",
                "okta.hook.auth.secret", OktaClient.SECRET);
    }
}
