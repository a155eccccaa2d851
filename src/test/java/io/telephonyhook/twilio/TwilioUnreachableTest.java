package io.telephonyhook.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.telephonyhook.standalone.VertxOktaPort;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;

/** Nothing listens where Twilio should be: the connection is refused (twice), and Okta gets FAILED at once. */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwilioUnreachableTest {

    /** Okta's port, on the standalone application's default server (Vert.x) */
    @Autowired
    VertxOktaPort oktaPort;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void twilioWhereNothingListens(DynamicPropertyRegistry properties) {
        properties.add("twilio.account-sid", () -> "AC0123456789abcdef0123456789abcdef");
        properties.add("twilio.auth-token", () -> "token");
        properties.add("twilio.api-url", () -> "http://127.0.0.1:" + closedPort());
        properties.add("twilio.from-number", () -> "+15017122661");
        properties.add("okta.hook.auth.secret", () -> OktaClient.SECRET);
    }

    @Test
    void connectionRefusedIsRetriedOnceAndFailedQuickly() {
        Answer answer = new OktaClient(oktaPort.port()).post(OktaRequest.sms());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.actionStatus()).isEqualTo("FAILED");
        assertThat(answer.metadata()).isEqualTo("reason=twilio-unavailable");
        assertThat(answer.took()).as("well before the 2.5 s deadline").isLessThan(Duration.ofMillis(1500));
        // every attempt is timed with its result: nothing listens, so nothing else can count them
        assertThat(meters.get("telephony.hook.twilio.request.duration").tags("channel", "sms", "result", "not_sent")
                .timer().count()).as("attempts that could not connect: the first and exactly one retry").isEqualTo(2);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
