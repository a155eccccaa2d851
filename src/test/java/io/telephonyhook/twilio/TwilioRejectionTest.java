package io.telephonyhook.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.TwilioStandIn;

/** Twilio saying no to a number or message (4xx) is FAILED with Twilio's code, and is not an outage. */
class TwilioRejectionTest extends HookTestSupport {

    @ParameterizedTest
    @CsvSource({"21211, sms", "21614, sms", "21610, sms", "21211, voice call", "13224, voice call"})
    void aRejectionIsFailedWithTwiliosErrorCode(int twilioCode, String channel) {
        twilio.failWith(400, twilioCode);

        Answer answer = okta.post(OktaRequest.sms().channel(channel));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.actionStatus()).isEqualTo("FAILED");
        assertThat(answer.metadata())
                .isEqualTo("reason=twilio-rejected; twilioError=" + twilioCode + "; httpStatus=400");
        assertThat(twilio.received()).hasSize(1);
    }

    @Test
    void theAnswerCarriesNoUrlAccountOrStackTrace() {
        twilio.failWith(400, 21211);

        Answer answer = okta.post(OktaRequest.sms());

        assertThat(answer.raw().body())
                .doesNotContain("://")
                .doesNotContain(TwilioStandIn.ACCOUNT_SID)
                .doesNotContain("Exception")
                .doesNotContain("Stand-in error");
    }
}
