package io.telephonyhook.deliveries;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.telephonyhook.support.DeliveryViewer;
import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.Prometheus;

/**
 * A code sent through the hook is recorded by the delivery route (deliveryRecorder); the statuses Twilio reports
 * (through deliveryLedger, as the status callback route will) move it on; /actuator/deliveries on the management port
 * finds it by eventId, SID and status, with its history, and never shows the code or the full number.
 */
class DeliveriesEndpointTest extends HookTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private DeliveryLedger ledger;

    private Prometheus prometheus;

    @BeforeEach
    void scraper() {
        prometheus = new Prometheus(managementUrl());
    }

    @Test
    void anSmsSentThroughTheHookIsFoundByEventIdSidAndStatus() throws Exception {
        String eventId = "deliveries-sms-" + UUID.randomUUID();
        Answer answer = okta.post(OktaRequest.sms().eventId(eventId));
        String sid = answer.action().path("transactionId").asText();
        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(sid).startsWith("SM");

        JsonNode byEvent = get("?eventId=" + eventId, 200).path("deliveries");
        assertThat(byEvent).hasSize(1);
        JsonNode sent = byEvent.path(0);
        assertThat(sent.path("sid").asText()).isEqualTo(sid);
        assertThat(sent.path("eventId").asText()).isEqualTo(eventId);
        assertThat(sent.path("channel").asText()).isEqualTo("sms");
        assertThat(sent.path("to").asText()).isEqualTo("+1******2671");
        assertThat(sent.path("country").asText()).isEqualTo("US");
        assertThat(sent.path("requestType").asText()).isEqualTo("com.okta.user.telephony.mfa-verification");
        assertThat(sent.path("status").asText()).isEqualTo("queued");
        assertThat(sent.path("history")).hasSize(1);
        assertThat(Instant.parse(sent.path("sentAt").asText())).isBetween(Instant.now().minusSeconds(30), Instant.now());

        ledger.reported(sid, "sent", null, Instant.now());
        ledger.reported(sid, "undelivered", 30003, Instant.now());
        ledger.reported(sid, "delivered", null, Instant.now()); // after a final status: kept, late

        JsonNode bySid = get("?sid=" + sid, 200).path("deliveries");
        assertThat(bySid).hasSize(1);
        assertThat(bySid.path(0).path("status").asText()).isEqualTo("undelivered");
        assertThat(bySid.path(0).path("errorCode").asInt()).isEqualTo(30003);
        assertThat(bySid.path(0).path("history").findValuesAsText("status"))
                .containsExactly("queued", "sent", "undelivered", "delivered");
        assertThat(bySid.path(0).path("history").findValuesAsText("late"))
                .containsExactly("false", "false", "false", "true");
        assertThat(bySid.path(0).path("history").path(2).path("errorCode").asInt()).isEqualTo(30003);
        JsonNode byStatus = get("?status=undelivered&limit=200", 200).path("deliveries");
        assertThat(each(byStatus, "sid")).contains(sid);
        assertThat(each(byStatus, "sentAt").stream().map(Instant::parse).toList())
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(each(byStatus, "status")).containsOnly("undelivered");
        assertThat(each(get("?status=queued&limit=200", 200).path("deliveries"), "sid")).doesNotContain(sid);
    }

    @Test
    void aCallDeliveredIsCountedByCountryAndTimed() throws Exception {
        Map<String, String> completed = Map.of("channel", "voice", "status", "completed", "country", "GB");
        Map<String, String> queued = Map.of("channel", "voice", "status", "queued", "country", "GB");
        double completedBefore = prometheus.value("telephony_hook_deliveries_total", completed);
        double queuedBefore = prometheus.value("telephony_hook_deliveries_total", queued);
        double timedBefore = prometheus.value("telephony_hook_delivery_seconds_count", Map.of("channel", "voice"));
        String eventId = "deliveries-voice-" + UUID.randomUUID();

        Answer answer = okta.post(OktaRequest.voice().phone("+442079460958").eventId(eventId));
        String sid = answer.action().path("transactionId").asText();
        assertThat(sid).startsWith("CA");
        ledger.reported(sid, "ringing", null, Instant.now());
        ledger.reported(sid, "completed", null, Instant.now());
        ledger.reported(sid, "completed", null, Instant.now()); // Twilio's retry: counted once

        assertThat(prometheus.value("telephony_hook_deliveries_total", queued)).isEqualTo(queuedBefore + 1);
        assertThat(prometheus.value("telephony_hook_deliveries_total", completed)).isEqualTo(completedBefore + 1);
        assertThat(prometheus.value("telephony_hook_delivery_seconds_count", Map.of("channel", "voice")))
                .isEqualTo(timedBefore + 1);
        assertThat(prometheus.scrape()).contains("telephony_hook_delivery_seconds_bucket{channel=\"voice\",le=\"1.0\"}");
        JsonNode call = get("?eventId=" + eventId, 200).path("deliveries").path(0);
        assertThat(call.path("channel").asText()).isEqualTo("voice");
        assertThat(call.path("to").asText()).isEqualTo("+44******0958");
        assertThat(call.path("history").findValuesAsText("status")).containsExactly("queued", "ringing", "completed");
    }

    @Test
    void aCodeTwilioRefusedIsNotRecorded() throws Exception {
        twilio.failWith(400, 21614);
        String eventId = "deliveries-refused-" + UUID.randomUUID();

        assertThat(okta.post(OktaRequest.sms().eventId(eventId)).actionStatus()).isEqualTo("FAILED");

        assertThat(get("?eventId=" + eventId, 200).path("deliveries")).isEmpty();
    }

    @Test
    void anUnknownSidIsAnEmptyList() throws Exception {
        assertThat(get("?sid=SM00000000000000000000000000000000", 200).path("deliveries")).isEmpty();
    }

    @Test
    void exactlyOneOfEventIdSidOrStatusAndASensibleLimit() throws Exception {
        assertThat(get("", 400).path("error").asText()).contains("exactly one of eventId, sid or status");
        assertThat(get("?eventId=a&sid=SM1", 400).path("error").asText()).contains("exactly one");
        assertThat(get("?status=", 400).path("error").asText()).contains("exactly one");
        assertThat(get("?status=delivered&limit=0", 400).path("error").asText()).contains("limit must be between 1 and 200");
        assertThat(get("?status=delivered&limit=201", 400).path("error").asText()).contains("limit must be between 1 and 200");
        assertThat(raw("?status=delivered&limit=many").statusCode()).isEqualTo(400);
    }

    @Test
    void theAnswersNeverHoldTheCodeOrTheFullNumber() throws Exception {
        String eventId = "deliveries-secret-" + UUID.randomUUID();
        String sid = okta.post(OktaRequest.sms().eventId(eventId)).action().path("transactionId").asText();
        ledger.reported(sid, "delivered", null, Instant.now());

        for (String query : List.of("?eventId=" + eventId, "?sid=" + sid, "?status=delivered&limit=200")) {
            String body = raw(query).body();
            assertThat(body).contains(sid).doesNotContain(OktaRequest.OTP).doesNotContain("4155552671")
                    .doesNotContain("5552671");
        }
    }

    @Test
    void theEndpointIsNotWhereOktaCalls() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(okta.hookUrl().resolve("/actuator/deliveries?status=queued")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
    }

    private JsonNode get(String query, int expectedStatus) throws Exception {
        HttpResponse<String> response = raw(query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> raw(String query) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(managementUrl().resolve("/actuator/deliveries" + query))
                        .header("Authorization", DeliveryViewer.HEADER).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** One field of each delivery in the list (not of their histories). */
    private static List<String> each(JsonNode deliveries, String field) {
        List<String> values = new ArrayList<>();
        deliveries.forEach(delivery -> values.add(delivery.path(field).asText()));
        return values;
    }
}
