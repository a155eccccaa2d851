package io.telephonyhook.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.LeakedForms;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaRequest;

/**
 * Every kind of call, then a read of everything the application printed: one line per call with the event id
 * and the masked number, and never the code, the full number or the secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneTest extends HookTestSupport {

    private static final String OTP = "90817263";
    private static final String PHONE = "+14155552671";

    @Test
    void logsCarryTheCallButNeverTheCodeTheNumberOrTheSecret(CapturedOutput output) {
        okta.post(call("sms-ok"));
        okta.post(call("voice-ok").channel("voice call"));
        twilio.failWith(400, 21211);
        okta.post(call("sms-rejected"));
        twilio.failWith(500, 20500);
        okta.post(call("voice-outage").channel("Voice"));
        twilio.reset();
        okta.post(call("unknown-channel").channel("fax"));
        okta.post(call("expired").expiresIn(Duration.ofMinutes(-1)));
        okta.post(call("invalid-number").phone("987654" + OTP.substring(0, 4)));
        okta.post(call("malformed").json().replace("\"data\"", "\"oops\""), "Authorization", OktaClient.SECRET);
        okta.post(call("truncated").json().substring(0, 300), "Authorization", OktaClient.SECRET);
        okta.post(call("wrong-secret").json(), "Authorization", OktaClient.SECRET + "x");

        String logs = output.getAll();
        assertThat(logs).contains("eventId=sms-ok").contains("eventId=voice-ok").contains("eventId=sms-rejected")
                .contains("eventId=voice-outage").contains("eventId=unknown-channel").contains("eventId=expired");
        assertThat(logs).contains("to=+1******2671");
        assertThat(logs).doesNotContain(LeakedForms.all(OTP));
        assertThat(logs).doesNotContain(PHONE).doesNotContain("4155552671");
    }

    private static OktaRequest call(String eventId) {
        return OktaRequest.sms().eventId(eventId).otp(OTP).phone(PHONE);
    }
}
