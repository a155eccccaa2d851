package io.telephonyhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.telephonyhook.support.LiveHook;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.TwilioStandIn;

/**
 * A call with under 300 ms left of its deadline when it is ready for Twilio is answered FAILED {@code reason=deadline}
 * at once, without calling Twilio (a request could only time out), and without counting against the breaker. A
 * deadline of 250 ms leaves every call under 300 ms.
 */
class TooLittleTimeLeftTest {

    private final TwilioStandIn twilio = TwilioStandIn.start();

    @Test
    void underThreeHundredMillisecondsLeftTwilioIsNotCalled() {
        try (LiveHook hook = LiveHook.start(twilio, Map.of("hook.deadline", "250ms"))) {
            Answer sms = hook.okta().post(OktaRequest.sms());
            Answer voice = hook.okta().post(OktaRequest.voice());

            assertThat(sms.actionStatus()).isEqualTo("FAILED");
            assertThat(sms.metadata()).isEqualTo("reason=deadline");
            assertThat(voice.metadata()).isEqualTo("reason=deadline");
            assertThat(twilio.received()).isEmpty();
        }
    }
}
