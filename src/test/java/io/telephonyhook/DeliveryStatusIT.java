package io.telephonyhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.RedisServer;

import io.telephonyhook.auth.AuthenticationSteps;
import io.telephonyhook.support.DeliveryViewer;
import io.telephonyhook.support.JarProcess;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.Prometheus;
import io.telephonyhook.support.TwilioCallback;
import io.telephonyhook.support.TwilioStandIn;

/**
 * Did the code arrive? The packaged jar with HOOK_PUBLIC_URL: each SMS and call asks Twilio for status reports,
 * reports signed as Twilio signs them update the SID's status, and /actuator/deliveries finds it by eventId and SID.
 */
class DeliveryStatusIT {

    private static final Path JAR = Path.of(System.getProperty("hook.jar", "target/hook.jar")).toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TwilioStandIn twilio = TwilioStandIn.start();
    private final Map<JarProcess, Integer> managementPorts = new HashMap<>();
    private RedisServer redis;

    @TempDir
    Path elsewhere;

    @AfterEach
    void stop() throws Exception {
        for (JarProcess hook : managementPorts.keySet()) {
            hook.close();
        }
        if (redis != null && redis.isActive()) {
            redis.stop();
        }
    }

    @Test
    void signedReportsUpdateTheStatusThatTheLookUpsAndTheMetricShow() throws Exception {
        JarProcess hook = start(Map.of());
        OktaClient okta = new OktaClient(hook.port());
        URI callback = callbackUrl(hook);

        Answer sms = okta.post(OktaRequest.sms().eventId("status-sms"));
        Answer call = okta.post(OktaRequest.voice().eventId("status-call"));
        String smsSid = sms.action().path("transactionId").asText();
        String callSid = call.action().path("transactionId").asText();
        assertThat(twilio.received()).hasSize(2)
                .allSatisfy(sent -> assertThat(sent.field("StatusCallback")).isEqualTo(callback.toString()));

        assertThat(TwilioCallback.postSigned(callback, TwilioCallback.smsStatus(smsSid, "sent", null)).statusCode())
                .isEqualTo(200);
        assertThat(TwilioCallback.postSigned(callback, TwilioCallback.smsStatus(smsSid, "delivered", null)).statusCode())
                .isEqualTo(200);
        assertThat(TwilioCallback.postSigned(callback, TwilioCallback.callStatus(callSid, "completed")).statusCode())
                .isEqualTo(200);

        JsonNode bySid = lookUp(hook, "sid=" + smsSid);
        assertThat(bySid.toString()).contains("\"status\":\"delivered\"").contains("status-sms")
                .contains("\"sent\"").doesNotContain(OktaRequest.PHONE).doesNotContain(OktaRequest.OTP);
        assertThat(lookUp(hook, "eventId=status-sms").toString()).contains(smsSid).contains("\"status\":\"delivered\"");
        assertThat(lookUp(hook, "eventId=status-call").toString()).contains(callSid).contains("\"status\":\"completed\"");
        Prometheus prometheus = new Prometheus(management(hook));
        assertThat(prometheus.value("telephony_hook_deliveries_total", Map.of("channel", "sms", "status", "delivered")))
                .isEqualTo(1);
        assertThat(prometheus.value("telephony_hook_deliveries_total", Map.of("channel", "voice", "status", "completed")))
                .isEqualTo(1);
        String log = hook.logText();
        String aValidSignature = TwilioCallback.signature(TwilioStandIn.AUTH_TOKEN, callback.toString(),
                TwilioCallback.smsStatus(smsSid, "delivered", null));
        assertThat(log).contains("twilioSid=" + smsSid).doesNotContain(OktaRequest.PHONE).doesNotContain("4155552671")
                .doesNotContain(OktaRequest.OTP).doesNotContain(TwilioStandIn.AUTH_TOKEN).doesNotContain(aValidSignature)
                .doesNotContain(OktaClient.SECRET);
    }

    @Test
    void unsignedWronglySignedOrReplayedToAnotherUrlIs403AndChangesNothing() throws Exception {
        JarProcess hook = start(Map.of());
        URI callback = callbackUrl(hook);
        String sid = new OktaClient(hook.port()).post(OktaRequest.sms()).action().path("transactionId").asText();
        Map<String, String> delivered = TwilioCallback.smsStatus(sid, "delivered", null);
        String wrongToken = TwilioCallback.signature("not-the-token", callback.toString(), delivered);
        String otherUrl = TwilioCallback.signature(TwilioStandIn.AUTH_TOKEN, "https://other.example.com/twilio/status",
                delivered);

        for (String signature : new String[] {null, wrongToken, otherUrl}) {
            HttpResponse<String> answer = TwilioCallback.post(callback, delivered, signature);
            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        }

        assertThat(lookUp(hook, "sid=" + sid).toString()).doesNotContain("delivered");
        assertThat(hook.logText()).doesNotContain(wrongToken).doesNotContain(otherUrl);
    }

    @Test
    void aSentArrivingAfterDeliveredIsKeptInTheHistoryMarkedLateAndTheStatusStaysDelivered() throws Exception {
        JarProcess hook = start(Map.of());
        URI callback = callbackUrl(hook);
        String sid = new OktaClient(hook.port()).post(OktaRequest.sms()).action().path("transactionId").asText();

        TwilioCallback.postSigned(callback, TwilioCallback.smsStatus(sid, "delivered", null));
        TwilioCallback.postSigned(callback, TwilioCallback.smsStatus(sid, "sent", null));
        TwilioCallback.postSigned(callback, TwilioCallback.smsStatus(sid, "sent", null)); // Twilio's retry: once is kept

        JsonNode delivery = lookUp(hook, "sid=" + sid).path("deliveries").path(0);
        assertThat(delivery.path("status").asText()).isEqualTo("delivered");
        assertThat(history(delivery)).containsExactly("queued", "delivered", "sent (late)");
        Prometheus prometheus = new Prometheus(management(hook));
        assertThat(prometheus.value("telephony_hook_deliveries_total", Map.of("channel", "sms", "status", "delivered")))
                .isEqualTo(1);
        assertThat(prometheus.value("telephony_hook_deliveries_total", Map.of("channel", "sms", "status", "sent")))
                .as("a late status is kept, not counted").isZero();
    }

    @Test
    void withRedisAReportReachingTheOtherInstanceUpdatesTheSameRecord() throws Exception {
        int redisPort = freePort();
        redis = new RedisServer(redisPort);
        redis.start();
        Map<String, String> shared = Map.of("HOOK_DEDUP_REDIS_URL", "redis://127.0.0.1:" + redisPort);
        JarProcess sender = start(shared);
        JarProcess other = start(shared);
        awaitHealth(sender, "connected");
        awaitHealth(other, "connected");
        String sid = new OktaClient(sender.port()).post(OktaRequest.sms().eventId("sent-by-one"))
                .action().path("transactionId").asText();

        HttpResponse<String> answer = TwilioCallback.postSigned(callbackUrl(other),
                TwilioCallback.smsStatus(sid, "undelivered", 30003));

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode seenBySender = lookUp(sender, "eventId=sent-by-one");
        assertThat(seenBySender.toString()).contains("\"status\":\"undelivered\"").contains("30003");
        assertThat(lookUp(other, "status=undelivered").toString()).contains(sid);
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                management(other).resolve("/deliveries")).header("Authorization", DeliveryViewer.HEADER).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).as("the other instance's delivery page shows it").contains("data-sid=\"" + sid + "\"")
                .contains("unreachable handset");
    }

    @Test
    void demoModeShowsACodeDeliveredWithoutAnySetting() throws Exception {
        int management = freePort();
        JarProcess demo = JarProcess.start(JAR, elsewhere, Map.of("MANAGEMENT_PORT", String.valueOf(management)),
                "Started TelephonyHookApplication");
        managementPorts.put(demo, management);
        Answer sms = new OktaClient(demo.port()).post(OktaRequest.sms().eventId("demo-delivered").json(),
                "Authorization", AuthenticationSteps.DEMO_AUTH_SECRET);
        assertThat(sms.actionStatus()).isEqualTo("SUCCESSFUL");

        Instant giveUp = Instant.now().plusSeconds(10);
        JsonNode found = lookUp(demo, "eventId=demo-delivered", DeliveryViewer.DEMO_HEADER).path("deliveries").path(0);
        while (Instant.now().isBefore(giveUp) && !found.path("status").asText().equals("delivered")) {
            Thread.sleep(100);
            found = lookUp(demo, "eventId=demo-delivered", DeliveryViewer.DEMO_HEADER).path("deliveries").path(0);
        }
        // the simulator reports in Twilio's usual order, each after the hook answered the one before
        assertThat(found.path("status").asText()).isEqualTo("delivered");
        assertThat(history(found)).containsExactly("queued", "sent", "delivered");
    }

    /** A delivery's history as its statuses, in the order kept, a late one marked so. */
    private static List<String> history(JsonNode delivery) {
        List<String> statuses = new ArrayList<>();
        delivery.path("history").forEach(change -> statuses.add(change.path("status").asText()
                + (change.path("late").asBoolean() ? " (late)" : "")));
        return statuses;
    }

    private JarProcess start(Map<String, String> extra) throws Exception {
        int port = freePort();
        int management = freePort();
        Map<String, String> environment = JarProcess.hookEnvironment(twilio);
        environment.put("PORT", String.valueOf(port));
        environment.put("MANAGEMENT_PORT", String.valueOf(management));
        environment.put("HOOK_PUBLIC_URL", "http://127.0.0.1:" + port);
        environment.putAll(extra);
        JarProcess hook = JarProcess.start(JAR, Files.createDirectories(elsewhere.resolve("hook-" + port)), environment,
                "Started TelephonyHookApplication");
        managementPorts.put(hook, management);
        return hook;
    }

    private static URI callbackUrl(JarProcess hook) {
        return URI.create("http://127.0.0.1:" + hook.port() + "/twilio/status");
    }

    private URI management(JarProcess hook) {
        return URI.create("http://127.0.0.1:" + managementPorts.get(hook));
    }

    private JsonNode lookUp(JarProcess hook, String query) throws Exception {
        return lookUp(hook, query, DeliveryViewer.HEADER);
    }

    private JsonNode lookUp(JarProcess hook, String query, String viewer) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                management(hook).resolve("/actuator/deliveries?" + query)).timeout(Duration.ofSeconds(5))
                .header("Authorization", viewer).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private void awaitHealth(JarProcess hook, String deduplicationState) throws Exception {
        Instant giveUp = Instant.now().plusSeconds(10);
        String state = "";
        while (Instant.now().isBefore(giveUp) && !state.endsWith(deduplicationState)) {
            Thread.sleep(100);
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    management(hook).resolve("/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
            state = JSON.readTree(health.body()).at("/components/telephonyHook/details/deduplication").asText();
        }
        assertThat(state).endsWith(deduplicationState);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
