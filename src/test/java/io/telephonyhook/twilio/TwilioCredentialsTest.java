package io.telephonyhook.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.telephonyhook.support.LiveHook;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.TwilioStandIn;

/**
 * The hook authenticates to Twilio the way Twilio checks: account SID and auth token, or API key SID and its secret,
 * with the account SID in the path. A wrong token, a wrong account or a wrong API key is refused by the stand-in as
 * Twilio would (401/404) and answered FAILED {@code reason=twilio-unavailable}: it is an outage for every user, so it
 * counts against the channel's circuit breaker.
 */
class TwilioCredentialsTest {

    private static final TwilioStandIn twilio = TwilioStandIn.start();

    @AfterAll
    static void clean() {
        twilio.reset();
    }

    @Test
    void anApiKeyAndItsSecretAuthenticate() {
        Answer answer = sendWith(Map.of("twilio.api-key", TwilioStandIn.API_KEY_SID,
                "twilio.auth-token", TwilioStandIn.API_KEY_SECRET), null);

        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(twilio.received().get(0).authorization())
                .isEqualTo(TwilioStandIn.basic(TwilioStandIn.API_KEY_SID, TwilioStandIn.API_KEY_SECRET));
        assertThat(twilio.received().get(0).path()).contains("/Accounts/" + TwilioStandIn.ACCOUNT_SID + "/");
    }

    @Test
    void aWrongAuthTokenIsAnOutage() {
        assertOutage(Map.of("twilio.auth-token", "not-the-token"), "twilioError=20003; httpStatus=401");
    }

    @Test
    void anotherAccountIsAnOutage() {
        assertOutage(Map.of("twilio.account-sid", "AC99999999999999999999999999999999"), "twilioError=20003; httpStatus=401");
    }

    @Test
    void aWrongApiKeyIsAnOutage() {
        assertOutage(Map.of("twilio.api-key", "SK99999999999999999999999999999999",
                "twilio.auth-token", TwilioStandIn.API_KEY_SECRET), "twilioError=20003; httpStatus=401");
    }

    @Test
    void anApiKeySentAsTheAccountIsAnOutage() {
        // the key's own SID in the path instead of the account's: Twilio does not know such an account
        assertOutage(Map.of("twilio.account-sid", TwilioStandIn.API_KEY_SID, "twilio.api-key", TwilioStandIn.API_KEY_SID,
                "twilio.auth-token", TwilioStandIn.API_KEY_SECRET), "twilioError=20404; httpStatus=404");
    }

    private static void assertOutage(Map<String, String> settings, String twilioAnswer) {
        int[] failedCalls = new int[1];
        Answer answer = sendWith(settings, camel -> failedCalls[0] =
                camel.getProcessor("telephony-hook-twilio-sms", ResilienceProcessor.class).getNumberOfFailedCalls());

        assertThat(twilio.received()).as("the hook did call Twilio").hasSize(1);
        assertThat(twilio.acceptedSids()).isEmpty();
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.actionStatus()).isEqualTo("FAILED");
        assertThat(answer.metadata()).isEqualTo("reason=twilio-unavailable; " + twilioAnswer);
        assertThat(failedCalls[0]).as("counted against the breaker as a provider fault").isEqualTo(1);
    }

    /** Starts the hook in live mode against the stand-in with these settings changed, sends one SMS, stops it. */
    private static Answer sendWith(Map<String, String> changed, Consumer<CamelContext> inspect) {
        twilio.reset();
        try (LiveHook hook = LiveHook.start(twilio, changed)) {
            Answer answer = hook.okta().post(OktaRequest.sms());
            if (inspect != null) {
                inspect.accept(hook.bean(CamelContext.class));
            }
            return answer;
        }
    }
}
