package io.telephonyhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.telephonyhook.support.DeliveryViewer;
import io.telephonyhook.support.JarProcess;
import io.telephonyhook.support.LeakedForms;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.OktaShape;
import io.telephonyhook.support.RawHttp;
import io.telephonyhook.support.TwilioStandIn;

/**
 * The shipped routes under plain camel-main (what Camel JBang runs): {@code src/it/camel-main-host}, a camel-main
 * application set up as docs/platforms.md says, built by the maven-invoker-plugin once per supported Camel line and run
 * here as its own process, at log level TRACE. What the Spring Boot hosts promise holds here too: codes sent, Okta's
 * error object for every refusal and for unknown paths and methods, the credentials checked before the body, a body
 * bound by the deadline, no 404 while starting, health and metrics on a management port, nothing secret in the log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CamelMainHostChecks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String STARTED = "(telephony-hook) started in";

    private final TwilioStandIn twilio = TwilioStandIn.start();
    private final TwilioStandIn failover = TwilioStandIn.startFailover();
    private Path jar;
    private JarProcess host;
    private OktaClient okta;
    private int managementPort;

    /** The Camel line of the host's BOM: it was built into target/camel-{line}/host.jar. */
    abstract String line();

    /** Camel 4.10 has no management server: health and metrics are on the main port there. */
    private boolean hasManagementServer() {
        return !line().equals("4.10");
    }

    @BeforeAll
    void startHost() throws Exception {
        jar = Path.of(System.getProperty("camel-main-hosts.dir", "target/it/camel-main-host/target"),
                "camel-" + line(), "host.jar").toAbsolutePath();
        managementPort = JarProcess.freePort();
        host = JarProcess.start(jar, Files.createTempDirectory("camel-main-host-" + line()), environment(), STARTED);
        okta = new OktaClient(host.port());
    }

    @AfterAll
    void stopHost() throws Exception {
        if (host != null) {
            host.close();
        }
    }

    @BeforeEach
    void freshStandIn() {
        twilio.reset();
        failover.reset();
    }

    private Map<String, String> environment() {
        Map<String, String> environment = JarProcess.hookEnvironment(twilio);
        environment.put("MANAGEMENT_PORT", String.valueOf(managementPort));
        environment.put("LOG_LEVEL", "TRACE");
        environment.put("TWILIO_FAILOVER_ACCOUNT_SID", TwilioStandIn.FAILOVER_ACCOUNT_SID);
        environment.put("TWILIO_FAILOVER_AUTH_TOKEN", TwilioStandIn.FAILOVER_AUTH_TOKEN);
        environment.put("TWILIO_FAILOVER_API_URL", failover.url().toString());
        environment.put("TWILIO_FAILOVER_FROM_NUMBER", "+15017122662");
        return environment;
    }

    /** The route decides the failover, so camel-main fails over as the Spring Boot hosts do (docs/failover.md). */
    @Test
    void aPrimaryOutageGoesOutThroughTheFailoverAccountOnce() {
        twilio.failWith(500, 20500);

        Answer answer = okta.post(OktaRequest.sms());

        assertThat(answer.metadata()).isEqualTo("twilioStatus=queued; account=failover");
        assertThat(failover.acceptedSids()).containsExactly(answer.action().path("transactionId").asText());
    }

    @Test
    void aRejectedNumberIsNotFailedOver() {
        twilio.failWith(400, 21211);

        Answer answer = okta.post(OktaRequest.sms());

        assertThat(answer.metadata()).startsWith("reason=twilio-rejected; twilioError=21211");
        assertThat(failover.received()).isEmpty();
    }

    @Test
    void theHostRunsOnItsOwnCamelLine() throws Exception {
        assertThat(host.logText()).contains("Apache Camel " + line() + ".");
    }

    @Test
    void smsAndVoiceAreSentThroughTwilioAndOktaGetsTheirSids() {
        OktaShape.assertSmsAndVoiceSent(okta, twilio);
        assertThat(failover.received()).as("the primary took them").isEmpty();
    }

    @Test
    void anUnreadableRequestIs400InOktasShape() {
        Answer answer = okta.post(OktaRequest.sms().withoutProfileField("phoneNumber"));

        OktaShape.assertError(answer, 400, "INVALID_REQUEST");
        assertThat(twilio.received()).isEmpty();
    }

    /** The secret is checked before a byte of the body is read: a caller without it cannot hold the server. */
    @Test
    void aCallWithoutTheSecretIs401BeforeItsBodyIsRead() throws Exception {
        try (RawHttp raw = new RawHttp(host.port())) {
            String response = raw.send("POST /telephonyHook HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nAuthorization: Basic wrong\r\nContent-Length: 100000\r\n\r\n"
                    + "{\"data\":").readResponse(Duration.ofSeconds(2));

            assertThat(response).startsWith("HTTP/1.1 401").contains("\"reason\":\"UNAUTHORIZED\"");
        }
        assertThat(twilio.received()).isEmpty();
    }

    /** A body still arriving at the call's deadline (2.5 s) is answered 408 and the connection closed. */
    @Test
    void aBodyNotInByTheDeadlineIs408() throws Exception {
        String body = OktaRequest.sms().json();
        try (RawHttp raw = new RawHttp(host.port())) {
            String response = raw.send("POST /telephonyHook HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nAuthorization: " + OktaClient.SECRET + "\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body.substring(0, 10))
                    .readResponse(Duration.ofSeconds(5));

            assertThat(response).startsWith("HTTP/1.1 408").contains("\"reason\":\"HTTP_408\"");
        }
        assertThat(twilio.received()).isEmpty();
    }

    @Test
    void unknownPathsAndMethodsGetOktasErrorObject() throws Exception {
        HttpResponse<String> nowhere = send("POST", host.port(), "/nowhere");
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(nowhere.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(JSON.readTree(nowhere.body()).at("/error/errorCauses/0/reason").asText()).isEqualTo("NOT_FOUND");

        HttpResponse<String> get = send("GET", host.port(), "/telephonyHook");
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(JSON.readTree(get.body()).at("/error/errorCauses/0/reason").asText())
                .isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void healthAndPrometheusMetricsAnswerOnTheManagementPort() throws Exception {
        okta.post(OktaRequest.sms());
        int port = hasManagementServer() ? managementPort : host.port();
        String base = hasManagementServer() ? "/observe" : "/q";

        HttpResponse<String> health = send("GET", port, base + "/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).containsPattern("\"name\"\\s*:\\s*\"telephony-hook\",\\s*\"status\"\\s*:\\s*\"UP\"");
        HttpResponse<String> metrics = send("GET", port, base + "/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("telephony_hook_calls_total")
                .contains("resilience4j_circuitbreaker_state{").contains("name=\"telephony-hook-twilio-sms\"");
        if (hasManagementServer()) {
            assertThat(send("GET", host.port(), "/observe/health").statusCode()).as("not on Okta's port")
                    .isEqualTo(404);
        }
    }

    @Test
    void theDeliveryLookUpIsOnTheManagementPort() throws Exception {
        assumeTrue(hasManagementServer(), "Camel 4.10 has no management server to serve it on");
        Answer sms = okta.post(OktaRequest.sms().eventId("camel-main-lookup"));

        assertThat(send("GET", managementPort, "/observe/deliveries?eventId=camel-main-lookup").statusCode())
                .as("only for the viewer").isEqualTo(401);
        HttpResponse<String> found = viewer(managementPort, "/observe/deliveries?eventId=camel-main-lookup");
        assertThat(found.statusCode()).isEqualTo(200);
        JsonNode delivery = JSON.readTree(found.body()).at("/deliveries/0");
        assertThat(delivery.path("sid").asText()).isEqualTo(sms.action().path("transactionId").asText());
        assertThat(delivery.path("to").asText()).doesNotContain("4155552671");
        assertThat(viewer(managementPort, "/observe/deliveries").statusCode()).isEqualTo(400);
        HttpResponse<String> page = viewer(managementPort, "/deliveries?eventId=camel-main-lookup");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(sms.action().path("transactionId").asText()).doesNotContain("4155552671");
        assertThat(send("GET", host.port(), "/observe/deliveries").statusCode()).as("not on Okta's port")
                .isEqualTo(404);
    }

    /** A management server on Okta's port (Camel then shares the main router) gets no page and no look-up. */
    @Test
    void aManagementServerOnOktasPortServesNoDeliveries() throws Exception {
        assumeTrue(hasManagementServer(), "Camel 4.10 has no management server");
        int port = JarProcess.freePort();
        Map<String, String> environment = environmentWith("MANAGEMENT_PORT", String.valueOf(port));
        environment.put("PORT", String.valueOf(port));
        try (JarProcess shared = JarProcess.start(jar, Files.createTempDirectory("camel-main-one-port-" + line()),
                environment, STARTED)) {
            assertThat(viewer(port, "/deliveries").statusCode()).isEqualTo(404);
            assertThat(viewer(port, "/observe/deliveries?status=queued").statusCode()).isEqualTo(404);
            assertThat(shared.logText()).contains("no delivery page or look-up there");
        }
    }

    /** At TRACE, whatever happened: no code, no number, no secret or token in the log. */
    @Test
    void theLogHoldsNoCodeNumberOrSecretAtTrace() throws Exception {
        String otp = "739164";
        okta.post(OktaRequest.sms().eventId("trace-sms").otp(otp));
        okta.post(OktaRequest.voice().eventId("trace-voice").otp(otp));
        okta.post(OktaRequest.sms().otp(otp).json(), "Authorization", "Basic wrong");

        String log = host.logText();
        assertThat(log).contains(" TRACE ").contains("trace-sms");
        assertThat(log).doesNotContain(LeakedForms.all(otp));
        assertThat(log).doesNotContain(OktaRequest.PHONE).doesNotContain("4155552671");
    }

    /** From the moment the port opens to the first code, a call is refused at connect time or answered 503. */
    @Test
    void fromThePortOpeningToTheFirstCodeNoCallIsAnswered404() throws Exception {
        JarProcess starting = JarProcess.launch(jar, Files.createTempDirectory("camel-main-start-" + line()),
                environmentWith("MANAGEMENT_PORT", String.valueOf(JarProcess.freePort())));
        try {
            HttpRequest call = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + starting.port()
                            + "/telephonyHook")).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json").header("Authorization", OktaClient.SECRET)
                    .POST(HttpRequest.BodyPublishers.ofString(OktaRequest.sms().json())).build();
            List<Integer> beforeTheFirstCode = new ArrayList<>();
            Instant giveUp = Instant.now().plusSeconds(60);
            while (true) {
                assertThat(starting.process().isAlive()).as("exited:%n%s", starting.logText()).isTrue();
                assertThat(Instant.now()).as("no SUCCESSFUL within 60 s:%n%s", starting.logText()).isBefore(giveUp);
                HttpResponse<String> answer;
                try {
                    answer = HTTP.send(call, HttpResponse.BodyHandlers.ofString());
                } catch (ConnectException notListeningYet) {
                    Thread.sleep(5);
                    continue;
                }
                if (answer.statusCode() == 200) {
                    break;
                }
                beforeTheFirstCode.add(answer.statusCode());
                assertThat(answer.statusCode()).as("answers while starting, so far %s", beforeTheFirstCode)
                        .isEqualTo(503);
                assertThat(JSON.readTree(answer.body()).at("/error/errorCauses/0/reason").asText())
                        .isEqualTo("HTTP_503");
            }
        } finally {
            starting.close();
        }
    }

    private Map<String, String> environmentWith(String name, String value) {
        Map<String, String> environment = environment();
        environment.put(name, value);
        return environment;
    }

    private static HttpResponse<String> viewer(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", DeliveryViewer.HEADER).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(String method, int port, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .header("Authorization", OktaClient.SECRET);
        request.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString("{}"));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
