package io.telephonyhook.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;

/**
 * Twilio failing is FAILED, answered well inside Okta's 3 seconds, so Okta can still send the code itself.
 * The tests run with {@code twilio.timeout=1s} (see {@link HookTestSupport}).
 */
class TwilioOutageTest extends HookTestSupport {

    @Test
    void aTwilioServerErrorIsFailedAfterOneAttempt() {
        twilio.failWith(500, 20500);

        Answer answer = okta.post(OktaRequest.sms());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.actionStatus()).isEqualTo("FAILED");
        assertThat(answer.metadata()).isEqualTo("reason=twilio-unavailable; twilioError=20500; httpStatus=500");
        // The SDK's own client would have tried three times; one SMS must never become several.
        assertThat(twilio.received()).hasSize(1);
    }

    @Test
    void rateLimitingIsAnOutageNotARejection() {
        twilio.failWith(429, 20429);

        Answer answer = okta.post(OktaRequest.voice());

        assertThat(answer.metadata()).isEqualTo("reason=twilio-unavailable; twilioError=20429; httpStatus=429");
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 404})
    void wrongCredentialsOrAccountAreAnOutageNotARejection(int status) {
        twilio.failWith(status, 20003);

        Answer answer = okta.post(OktaRequest.sms());

        assertThat(answer.metadata()).isEqualTo("reason=twilio-unavailable; twilioError=20003; httpStatus=" + status);
    }

    @Test
    void aSlowTwilioIsCutOffAtTheTimeoutAndAnsweredInsideOktasBudget() {
        twilio.answerAfter(Duration.ofSeconds(4));

        Answer answer = okta.post(OktaRequest.sms());

        assertThat(answer.actionStatus()).isEqualTo("FAILED");
        assertThat(answer.metadata()).isEqualTo("reason=twilio-timeout");
        assertThat(answer.took()).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void serverErrorsOpenTheBreakerAndThenTwilioIsNotCalled() {
        twilio.failWith(503, 20503);
        for (int call = 0; call < 10; call++) {
            okta.post(OktaRequest.sms());
        }
        assertThat(breaker("twilio-sms").getCircuitBreakerState()).isEqualTo("OPEN");
        int callsBefore = twilio.received().size();

        Answer answer = okta.post(OktaRequest.sms());

        assertThat(answer.actionStatus()).isEqualTo("FAILED");
        assertThat(answer.metadata()).isEqualTo("reason=circuit-open");
        assertThat(twilio.received()).hasSize(callsBefore);
        assertThat(breaker("twilio-voice").getCircuitBreakerState()).isEqualTo("CLOSED");
    }
}
