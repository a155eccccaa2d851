package example.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.TwilioStandIn;

/** Twilio failing: the SMS breaker opens, and Okta gets a fast FAILED without Twilio being tried. */
@QuarkusTest
@TestProfile(BreakerOnQuarkusTest.Failing.class)
class BreakerOnQuarkusTest {

    /** The same live settings, in a Quarkus of its own: an open breaker would fail the other tests. */
    public static class Failing extends LiveTwilio {
    }

    /** routes/twilio-delivery.camel.yaml: judged on 10 calls at least, open at half of them failed */
    private static final int MINIMUM_NUMBER_OF_CALLS = 10;

    private final TwilioStandIn twilio = LiveTwilio.TWILIO;

    @Test
    void serverErrorsOpenTheBreakerAndItAnswersWithoutTwilio() {
        OktaClient okta = new OktaClient(ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class));
        twilio.reset();
        twilio.failWith(500, 20500);
        for (int call = 0; call < MINIMUM_NUMBER_OF_CALLS; call++) {
            assertThat(okta.post(OktaRequest.sms()).metadata()).startsWith("reason=twilio-unavailable");
        }
        int tried = twilio.received().size();

        Answer open = okta.post(OktaRequest.sms());

        assertThat(open.actionStatus()).isEqualTo("FAILED");
        assertThat(open.metadata()).isEqualTo("reason=circuit-open");
        assertThat(twilio.received()).hasSize(tried);
    }
}
