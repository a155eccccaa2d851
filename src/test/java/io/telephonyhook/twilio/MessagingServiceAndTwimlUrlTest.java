package io.telephonyhook.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.TwilioStandIn;
import io.telephonyhook.support.TwilioStandIn.Received;

/** The other senders: SMS through a Messaging Service, calls with TwiML fetched from TWILIO_TWIML_URL. */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MessagingServiceAndTwimlUrlTest {

    private static final TwilioStandIn twilio = TwilioStandIn.start();
    private static final String TWIML_URL = "https://voice.example.com/otp-call.xml";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void messagingServiceAndTwimlUrl(DynamicPropertyRegistry properties) {
        properties.add("twilio.account-sid", () -> TwilioStandIn.ACCOUNT_SID);
        properties.add("twilio.auth-token", () -> TwilioStandIn.AUTH_TOKEN);
        properties.add("twilio.api-url", () -> twilio.url().toString());
        properties.add("twilio.messaging-service-sid", () -> "MG0123456789abcdef0123456789abcdef");
        properties.add("twilio.from-number", () -> "+15017122661");
        properties.add("twilio.twiml-url", () -> TWIML_URL);
        properties.add("hook.auth.secret", () -> OktaClient.SECRET);
    }

    @BeforeEach
    void freshStandIn() {
        twilio.reset();
    }

    @Test
    void smsGoesThroughTheMessagingServiceNotTheNumber() {
        Answer answer = new OktaClient(port).post(OktaRequest.sms());

        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        Received sms = twilio.received().get(0);
        assertThat(sms.field("MessagingServiceSid")).isEqualTo("MG0123456789abcdef0123456789abcdef");
        assertThat(sms.form()).doesNotContainKey("From");
    }

    @Test
    void callsFetchTheirTwimlFromTheConfiguredUrlWhichNeverCarriesTheCode() {
        Answer answer = new OktaClient(port).post(OktaRequest.voice());

        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        Received call = twilio.received().get(0);
        assertThat(call.field("Url")).isEqualTo(TWIML_URL);
        assertThat(call.field("From")).isEqualTo("+15017122661");
        assertThat(call.form()).doesNotContainKey("Twiml");
        assertThat(call.form().values()).noneMatch(value -> value.contains(OktaRequest.OTP));
        assertThat(call.path()).doesNotContain(OktaRequest.OTP);
    }
}
