package io.telephonyhook.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.telephonyhook.support.OktaClient.Answer;

/** Okta's documented shapes, field by field: nothing renamed, nothing missing, nothing extra. */
public final class OktaShape {

    private OktaShape() {
    }

    /**
     * Exactly {@code {"commands":[{"type":…,"value":[{"status","provider","transactionId"?,"transactionMetadata"}]}]}},
     * as {@code application/json}; {@code transactionId} (starting with {@code sidPrefix}) only when a SID is expected.
     */
    public static void assertCommand(Answer answer, String status, String sidPrefix) {
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.raw().headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(fieldNames(answer.json())).containsExactly("commands");
        JsonNode commands = answer.json().get("commands");
        assertThat(commands.isArray()).isTrue();
        assertThat(commands).hasSize(1);
        assertThat(fieldNames(commands.get(0))).containsExactly("type", "value");
        assertThat(commands.get(0).get("type").asText()).isEqualTo("com.okta.telephony.action");
        JsonNode value = commands.get(0).get("value");
        assertThat(value.isArray()).isTrue();
        assertThat(value).hasSize(1);
        JsonNode action = value.get(0);
        assertThat(action.get("status").asText()).isEqualTo(status);
        assertThat(action.get("provider").asText()).isEqualTo("TWILIO");
        assertThat(action.get("transactionMetadata").isTextual()).isTrue();
        if (sidPrefix != null) {
            assertThat(fieldNames(action)).containsExactly("status", "provider", "transactionId", "transactionMetadata");
            assertThat(action.get("transactionId").asText()).startsWith(sidPrefix);
        } else {
            assertThat(fieldNames(action)).containsExactly("status", "provider", "transactionMetadata");
        }
    }

    /**
     * Okta's error object with this status and reason:
     * {@code {"error":{"errorSummary":…,"errorCauses":[{"errorSummary",…,"reason",…,"domain"}]}}}, as JSON.
     */
    public static void assertError(Answer answer, int status, String reason) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(fieldNames(answer.json())).containsExactly("error");
        assertThat(fieldNames(answer.json().get("error"))).containsExactly("errorSummary", "errorCauses");
        JsonNode cause = answer.json().at("/error/errorCauses/0");
        assertThat(cause.path("reason").asText()).isEqualTo(reason);
        assertThat(cause.path("errorSummary").isTextual()).isTrue();
        assertThat(cause.path("domain").asText()).isEqualTo("telephonyHook");
    }

    public static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * Every host's first promise: an SMS and a call posted as Okta posts them are sent through Twilio (the stand-in
     * got a message with the code, then a call) and Okta gets SUCCESSFUL with each one's SID.
     */
    public static void assertSmsAndVoiceSent(OktaClient okta, TwilioStandIn twilio) {
        Answer sms = okta.post(OktaRequest.sms());
        assertCommand(sms, "SUCCESSFUL", "SM");
        Answer voice = okta.post(OktaRequest.voice());
        assertCommand(voice, "SUCCESSFUL", "CA");

        assertThat(twilio.acceptedSids()).containsExactly(sms.action().path("transactionId").asText(),
                voice.action().path("transactionId").asText());
        assertThat(twilio.received().get(0).path()).endsWith("/Messages.json");
        assertThat(twilio.received().get(0).field("Body")).contains(OktaRequest.OTP);
        assertThat(twilio.received().get(1).path()).endsWith("/Calls.json");
    }
}
