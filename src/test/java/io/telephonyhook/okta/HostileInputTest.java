package io.telephonyhook.okta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.RawHttp;
import io.telephonyhook.support.TwilioStandIn.Reply;

/**
 * Broken and hostile requests each get a clear JSON answer (413, 400, or 200 + FAILED as the contract says), nothing
 * is left half-done, nothing is sent that should not be, and nothing a caller sends can forge a log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileInputTest extends HookTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBodyOverTheLimitIs413WithoutBeingRead() throws Exception {
        String huge = OktaRequest.sms().template("x".repeat(70 * 1024)).json();

        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofString(huge));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(JSON.readTree(response.body()).at("/error/errorSummary").asText()).isNotBlank();
        assertThat(twilio.received()).isEmpty();
    }

    @Test
    void aChunkedBodyOverTheLimitIs413Too() throws Exception {
        byte[] huge = OktaRequest.sms().template("x".repeat(70 * 1024)).json().getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(twilio.received()).isEmpty();
    }

    @Test
    void aBodyJustUnderTheLimitIsServedAndOverlongTextFallsBackToTheTemplate() {
        Answer answer = okta.post(OktaRequest.sms().template("482913 " + "x".repeat(60 * 1024)));

        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(twilio.received().get(0).path()).endsWith("/Messages.json");
        assertThat(twilio.received().get(0).field("Body")).isEqualTo("Your verification code is 482913");
    }

    @Test
    void deeplyNestedJsonIs400() {
        String nested = "{\"data\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        assertThat(postJson(nested).status()).isEqualTo(400);
    }

    @Test
    void rawControlCharactersInsideAJsonStringAre400() {
        assertThat(postJson(OktaRequest.sms().json().replace("482913\"", "4829\u000113\"")).status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "12345678901", "12a456", "48 29 13", "٤٨٢٩١٣", "４８２９１３", "482913\u0000", "-48291"})
    void aCodeThatIsNotFourToTenDigitsIsFailedAndNotSent(String otpCode) {
        Answer answer = okta.post(OktaRequest.sms().otp(otpCode));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.actionStatus()).isEqualTo("FAILED");
        assertThat(answer.metadata()).isEqualTo("reason=invalid-code");
        assertThat(twilio.received()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1 415 555 ２６７１", "+1415555267\u0000", "+1\n4155552671", "téléphone", "+1 (415) 555-2671 ext. 9"})
    void aNumberWithControlOrForeignCharactersIsAnInvalidNumber(String phoneNumber) {
        Answer answer = okta.post(OktaRequest.sms().phone(phoneNumber));

        assertThat(answer.metadata()).isEqualTo("reason=invalid-number");
        assertThat(twilio.received()).isEmpty();
    }

    @Test
    void controlAndForeignCharactersElsewhereAreHarmless(CapturedOutput output) {
        ObjectNode body = (ObjectNode) tree(OktaRequest.sms().template("Votre code: 482913 ✓\u0007\u001b[31m").json());
        body.put("eventId", "evt\n2026-01-01 INFO forged line\r\u001b[2J" + "é".repeat(200));
        body.put("requestType", "com.okta.user.telephony.mfa-verification\nFORGED");
        ((ObjectNode) body.at("/data/messageProfile")).put("locale", "\u0000fr-\u202eFR");

        Answer answer = postJson(body.toString());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(twilio.received().get(0).path()).endsWith("/Messages.json");
        assertThat(twilio.received().get(0).field("Body")).isEqualTo("Votre code: 482913 ✓[31m");
        String logs = output.getAll();
        assertThat(logs).doesNotContain("forged line").doesNotContain("\nFORGED").doesNotContain("\u001b");
        // the eventId as sent, escaped: never cut, never folded into another id
        assertThat(logs).contains("eventId=evt%0A2026-01-01%20INFO%20forged%20line%0D%1B%5B2J" + "%C3%A9".repeat(200) + " ");
    }

    @Test
    void anEventIdLongerThan256CharactersIs400() {
        ObjectNode body = (ObjectNode) tree(OktaRequest.sms().json());
        body.put("eventId", "e".repeat(257));

        Answer answer = postJson(body.toString());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.raw().body()).contains("eventId is longer than 256 characters");
        assertThat(twilio.received()).isEmpty();
    }

    /**
     * A channel is one of Okta's spellings as a whole; a value that contains one among other words or characters, a
     * look-alike letter or a hidden character is not guessed at: FAILED, and Okta sends the code itself.
     */
    @ParameterizedTest
    @ValueSource(strings = {"callback please SMS", "no-sms-voice", "voİce", "Sms\u200b", "s m s", "smsvoice",
            "VOICE CALL NOW", "SMS\u0000", "sms✓", "\u202eSMS", "\u0000", "☎"})
    void looseChannelSpellingsAreAnUnknownChannelAndNothingIsSent(String deliveryChannel) {
        Answer answer = okta.post(OktaRequest.sms().channel(deliveryChannel));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.actionStatus()).isEqualTo("FAILED");
        assertThat(answer.metadata()).isEqualTo("reason=unknown-channel");
        assertThat(twilio.received()).isEmpty();
    }

    @Test
    void aCallerWithoutTheSecretIsRefusedBeforeItsBodyIsRead() throws Exception {
        try (RawHttp raw = new RawHttp(okta.hookUrl().getPort())) {
            String response = raw.send("POST /telephonyHook HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 50000\r\n\r\n{\"data\":")
                    .readResponse(Duration.ofSeconds(1)); // the other 49,991 bytes never come

            assertThat(response).startsWith("HTTP/1.1 401").contains("\"errorSummary\":\"Unauthorized\"");
        }
    }

    @Test
    void theDeadlineCountsFromArrivalEvenWhenTheBodyComesLate() throws Exception {
        twilio.script(request -> Reply.hang());
        String body = OktaRequest.sms().json();
        try (RawHttp raw = new RawHttp(okta.hookUrl().getPort())) {
            long start = System.nanoTime();
            raw.send("POST /telephonyHook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: " + OktaClient.SECRET + "\r\nContent-Length: " + body.length() + "\r\n\r\n"
                    + body.substring(0, 10));
            Thread.sleep(1000);
            String response = raw.send(body.substring(10)).readResponse(Duration.ofSeconds(5));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(response).startsWith("HTTP/1.1 200").contains("reason=deadline");
            // At the deadline counted from arrival (2.5 s, less the 100 ms kept to answer), so inside Okta's 3 s; counted
            // from the body's end it would come at 3.5 s.
            assertThat(took).isBetween(Duration.ofMillis(2300), Duration.ofMillis(3000));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
            "POST /telephonyHook HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
            "POST /telephonyHook HTTP/1.1\r\nHost: x\r\nBad\u0001Header: 1\r\n\r\n",
            "NOT A REQUEST LINE\r\n\r\n"})
    void requestsTheServerRefusesItselfAreAnsweredWithJsonNotHtml(String request) throws Exception {
        try (RawHttp raw = new RawHttp(okta.hookUrl().getPort())) {
            String response = raw.send(request).readResponse(Duration.ofSeconds(2));

            assertThat(response).matches("(?s)" + refusalStatusLine()).doesNotContainIgnoringCase("<html")
                    .contains("application/json").contains("\"errorSummary\"");
        }
    }

    /** Vert.x answers a request line without a version in HTTP/1.0; Tomcat always in HTTP/1.1 */
    String refusalStatusLine() {
        return "HTTP/1\\.[01] 4\\d\\d .*";
    }

    private Answer postJson(String body) {
        return okta.post(body, "Authorization", OktaClient.SECRET);
    }

    private HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
        return http.send(HttpRequest.newBuilder(okta.hookUrl())
                .header("Content-Type", "application/json").header("Authorization", OktaClient.SECRET)
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
