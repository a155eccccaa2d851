package io.telephonyhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.telephonyhook.support.LiveHook;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.TwilioStandIn;

/** With only a Messaging Service (no TWILIO_FROM_NUMBER) SMS go out, and a voice call has no caller id to use. */
class ChannelNotConfiguredTest {

    private final TwilioStandIn twilio = TwilioStandIn.start();

    @Test
    void aVoiceCallWithOnlyAMessagingServiceIsFailedWithoutCallingTwilio() {
        try (LiveHook hook = LiveHook.start(twilio, Map.of("twilio.from-number", "",
                "twilio.messaging-service-sid", "MG0123456789abcdef0123456789abcdef"))) {
            Answer voice = hook.okta().post(OktaRequest.voice());
            assertThat(voice.status()).isEqualTo(200);
            assertThat(voice.actionStatus()).isEqualTo("FAILED");
            assertThat(voice.metadata()).isEqualTo("reason=channel-not-configured");
            assertThat(twilio.received()).isEmpty();

            Answer sms = hook.okta().post(OktaRequest.sms());
            assertThat(sms.actionStatus()).isEqualTo("SUCCESSFUL");
            assertThat(twilio.received()).singleElement()
                    .satisfies(message -> assertThat(message.path()).endsWith("/Messages.json"));
        }
    }
}
