package io.telephonyhook.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.TwilioStandIn.Received;

/** The other senders: SMS through a Messaging Service, calls with TwiML fetched from TWILIO_TWIML_URL. */
@TestPropertySource(properties = {
        "twilio.messaging-service-sid=MG0123456789abcdef0123456789abcdef",
        "twilio.twiml-url=" + MessagingServiceAndTwimlUrlTest.TWIML_URL})
class MessagingServiceAndTwimlUrlTest extends HookTestSupport {

    static final String TWIML_URL = "https://voice.example.com/otp-call.xml";

    @Test
    void smsGoesThroughTheMessagingServiceNotTheNumber() {
        Answer answer = okta.post(OktaRequest.sms());

        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(answer.metadata()).as("Twilio's word for a message a Messaging Service took").isEqualTo("twilioStatus=accepted");
        Received sms = twilio.received().get(0);
        assertThat(sms.field("MessagingServiceSid")).isEqualTo("MG0123456789abcdef0123456789abcdef");
        assertThat(sms.form()).doesNotContainKey("From");
    }

    @Test
    void callsFetchTheirTwimlFromTheConfiguredUrlWhichNeverCarriesTheCode() {
        Answer answer = okta.post(OktaRequest.voice());

        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        Received call = twilio.received().get(0);
        assertThat(call.field("Url")).isEqualTo(TWIML_URL);
        assertThat(call.field("From")).isEqualTo("+15017122661");
        assertThat(call.form()).doesNotContainKey("Twiml");
        assertThat(call.form().values()).noneMatch(value -> value.contains(OktaRequest.OTP));
        assertThat(call.path()).doesNotContain(OktaRequest.OTP);
    }
}
