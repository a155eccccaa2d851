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

/** With a Messaging Service and no number, SMS goes through the service and voice is refused as not configured. */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MessagingServiceSenderTest {

    private static final TwilioStandIn twilio = TwilioStandIn.start();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void messagingServiceOnly(DynamicPropertyRegistry properties) {
        properties.add("twilio.account-sid", () -> TwilioStandIn.ACCOUNT_SID);
        properties.add("twilio.auth-token", () -> TwilioStandIn.AUTH_TOKEN);
        properties.add("twilio.api-url", () -> twilio.url().toString());
        properties.add("twilio.messaging-service-sid", () -> "MG0123456789abcdef0123456789abcdef");
        properties.add("hook.auth.secret", () -> OktaClient.SECRET);
    }

    @BeforeEach
    void freshStandIn() {
        twilio.reset();
    }

    @Test
    void smsGoesThroughTheMessagingService() {
        Answer answer = new OktaClient(port).post(OktaRequest.sms());

        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        Received sms = twilio.received().get(0);
        assertThat(sms.field("MessagingServiceSid")).isEqualTo("MG0123456789abcdef0123456789abcdef");
        assertThat(sms.form()).doesNotContainKey("From");
    }

    @Test
    void voiceWithoutACallerNumberIsRefused() {
        Answer answer = new OktaClient(port).post(OktaRequest.voice());

        assertThat(answer.actionStatus()).isEqualTo("FAILED");
        assertThat(answer.metadata()).isEqualTo("reason=channel-not-configured");
        assertThat(twilio.received()).isEmpty();
    }
}
