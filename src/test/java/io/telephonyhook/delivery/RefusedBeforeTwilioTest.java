package io.telephonyhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;

/** What cannot be delivered is answered FAILED at once, with the reason, and Twilio is never called. */
class RefusedBeforeTwilioTest extends HookTestSupport {

    @Test
    void oktasPublishedExampleAsIsHasThePreviewNumberAndIsRefused() {
        Answer answer = okta.post(OktaRequest.example("sms-pre-enrollment.json"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.actionStatus()).isEqualTo("FAILED");
        assertThat(answer.metadata()).isEqualTo("reason=invalid-number");
        assertThat(answer.action().has("transactionId")).isFalse();
        assertThat(twilio.received()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9876543210", "+1 555", "12", "1-800-FLOWERS", "+999 1234567", "not a number"})
    void invalidNumbersAreRefused(String phoneNumber) {
        Answer answer = okta.post(OktaRequest.sms().phone(phoneNumber));

        assertThat(answer.actionStatus()).isEqualTo("FAILED");
        assertThat(answer.metadata()).isEqualTo("reason=invalid-number");
        assertThat(twilio.received()).isEmpty();
    }

    @Test
    void anExpiredCodeIsRefused() {
        Answer answer = okta.post(OktaRequest.sms().expiresIn(Duration.ofSeconds(-1)));

        assertThat(answer.actionStatus()).isEqualTo("FAILED");
        assertThat(answer.metadata()).isEqualTo("reason=expired");
        assertThat(twilio.received()).isEmpty();
    }

    @Test
    void anExpiredVoiceCodeIsRefusedToo() {
        Answer answer = okta.post(OktaRequest.voice().expiresIn(Duration.ofMinutes(-5)));

        assertThat(answer.metadata()).isEqualTo("reason=expired");
        assertThat(twilio.received()).isEmpty();
    }
}
