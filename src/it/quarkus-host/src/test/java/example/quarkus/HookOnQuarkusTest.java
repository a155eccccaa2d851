package example.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.OktaShape;
import io.telephonyhook.support.TwilioStandIn;
import io.telephonyhook.support.TwilioStandIn.Reply;

/**
 * The hook's shipped routes on Camel Quarkus, over real HTTP: Okta's side is a real POST to Quarkus's HTTP server,
 * Twilio's the stand-in. The same checks as the standalone application's: codes sent, every refusal in Okta's shape,
 * the deadline kept, health and metrics on the management port.
 */
@QuarkusTest
@TestProfile(LiveTwilio.class)
class HookOnQuarkusTest {

    private static final TwilioStandIn twilio = LiveTwilio.TWILIO;

    @TestHTTPResource(value = "/health", management = true)
    URL health;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    private OktaClient okta;

    @BeforeEach
    void okta() {
        okta = new OktaClient(ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class));
        twilio.reset();
    }

    @Test
    void smsAndVoiceAreSentThroughTwilioAndOktaGetsTheirSids() {
        OktaShape.assertSmsAndVoiceSent(okta, twilio);
    }

    @Test
    void aCallWithoutTheSecretIs401AndNothingIsSent() {
        OktaShape.assertError(okta.post(OktaRequest.sms().json(), "Authorization", "Basic wrong"), 401,
                "UNAUTHORIZED");
        assertThat(twilio.received()).isEmpty();
    }

    @Test
    void anUnreadableRequestIs400() {
        OktaShape.assertError(okta.post(OktaRequest.sms().withoutProfileField("phoneNumber")), 400,
                "INVALID_REQUEST");
        assertThat(twilio.received()).isEmpty();
    }

    @Test
    void aBodyOverTheHooksLimitIs413() {
        String large = OktaRequest.sms().template("x".repeat(70_000) + " {code}").json();

        OktaShape.assertError(okta.post(large, "Authorization", OktaClient.SECRET), 413, "HTTP_413");
        assertThat(twilio.received()).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        Answer answer = okta.post(OktaRequest.sms().json().getBytes(StandardCharsets.UTF_8), "text/plain");

        OktaShape.assertError(answer, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(twilio.received()).isEmpty();
    }

    /** Twilio never answers: Okta still gets FAILED before its 3 s, and no second request is made. */
    @Test
    void twilioHangingIsFailedInsideOktasThreeSeconds() {
        twilio.script(request -> Reply.hang());

        Answer answer = okta.post(OktaRequest.sms());

        assertThat(answer.actionStatus()).isEqualTo("FAILED");
        assertThat(answer.metadata()).isEqualTo("reason=deadline");
        assertThat(answer.took()).isLessThan(Duration.ofSeconds(3));
        assertThat(twilio.received()).hasSize(1);
    }

    @Test
    void healthAndMetricsAnswerOnTheManagementPort() throws Exception {
        okta.post(OktaRequest.sms());

        HttpResponse<String> up = get(health);
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.body()).contains("telephony-hook");
        HttpResponse<String> scraped = get(metrics);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("telephony_hook_calls_total")
                .contains("resilience4j_circuitbreaker_state{");
    }

    private static HttpResponse<String> get(URL url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.toString()))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
