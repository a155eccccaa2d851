package io.telephonyhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.telephonyhook.support.JarProcess;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.OktaShape;
import io.telephonyhook.support.RawHttp;
import io.telephonyhook.support.TwilioStandIn;

/**
 * The hook inside an existing Camel Spring Boot application: {@code src/it/camel-spring-boot-host}, an order desk
 * with its own REST API ({@code camel.rest.binding-mode=json}, {@code camel.rest.context-path=/api}), its own
 * error handler for every route, its own snake_case ObjectMapper, its own MeterRegistry and its own
 * {@code camel.main.routes-include-pattern}, that added only the hook's dependency and, in its environment, the
 * hook's settings. Built by the maven-invoker-plugin against the library jar once per supported Camel line, its BOMs
 * deciding every version; each line's jar is run here as its own process, by a subclass naming the line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CamelSpringBootHostChecks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final TwilioStandIn twilio = TwilioStandIn.start();
    private Path hostJar;
    private JarProcess host;
    private OktaClient okta;

    /** The Camel line of the host's BOMs: the host was built into target/camel-{line}/host.jar. */
    abstract String line();

    @BeforeAll
    void startHost() throws Exception {
        hostJar = Path.of(System.getProperty("hosts.dir", "target/it/camel-spring-boot-host/target"),
                "camel-" + line(), "host.jar").toAbsolutePath();
        host = JarProcess.start(hostJar, Files.createTempDirectory("camel-spring-boot-host-" + line()),
                JarProcess.hookEnvironment(twilio), "Started OrderDeskApplication");
        okta = new OktaClient(host.port(), "/api/telephonyHook");
    }

    @AfterAll
    void stopHost() throws Exception {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void theHostRunsOnItsOwnCamelLine() throws Exception {
        assertThat(host.logText()).contains("Apache Camel " + line() + ".");
    }

    @BeforeEach
    void freshStandIn() {
        twilio.reset();
    }

    @Test
    void theHostsOwnApiAnswersAsBefore() throws Exception {
        HttpResponse<String> placed = send("POST", "/api/orders", "{\"item_name\":\"atlas\",\"quantity\":2}");
        assertThat(placed.statusCode()).isEqualTo(200);
        assertThat(placed.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode confirmation = JSON.readTree(placed.body());
        assertThat(OktaShape.fieldNames(confirmation))
                .as("bound to JSON with the host's ObjectMapper (snake_case)")
                .containsExactly("order_id", "item_name", "quantity");
        assertThat(confirmation.path("item_name").asText()).isEqualTo("atlas");
        assertThat(confirmation.path("quantity").asInt()).isEqualTo(2);

        HttpResponse<String> refused = send("POST", "/api/orders", "{\"item_name\":\"atlas\",\"quantity\":0}");
        assertThat(refused.statusCode()).as("the host's own error handler").isEqualTo(422);
        assertThat(JSON.readTree(refused.body()).path("desk_error").asText()).isEqualTo("quantity must be at least 1");
    }

    @Test
    void theHookSendsSmsAndVoiceUnderTheHostsRestContextPath() {
        OktaShape.assertSmsAndVoiceSent(okta, twilio);
    }

    @Test
    void aCallWithoutTheSecretIs401InOktasShape() {
        Answer answer = okta.post(OktaRequest.sms().json(), "Authorization", "Basic wrong");

        OktaShape.assertError(answer, 401, "UNAUTHORIZED");
        assertThat(twilio.received()).isEmpty();
    }

    /** The servlet guards sit on /api/telephonyHook: the secret is checked before a body the caller never sends. */
    @Test
    void aCallWithoutTheSecretIsRefusedBeforeItsBodyIsRead() throws Exception {
        try (RawHttp raw = new RawHttp(host.port())) {
            String response = raw.send("""
                    POST /api/telephonyHook HTTP/1.1\r
                    Host: 127.0.0.1\r
                    Content-Type: application/json\r
                    Authorization: Basic wrong\r
                    Content-Length: 100000\r
                    \r
                    {"data":""").readResponse(Duration.ofSeconds(3));

            assertThat(response).startsWith("HTTP/1.1 401").contains("\"reason\":\"UNAUTHORIZED\"");
        }
    }

    @Test
    void aRequestWithoutAPhoneNumberIs400InOktasShape() {
        Answer answer = okta.post(OktaRequest.sms().withoutProfileField("phoneNumber"));

        OktaShape.assertError(answer, 400, "INVALID_REQUEST");
        assertThat(answer.json().at("/error/errorCauses/0/location").asText())
                .isEqualTo("data.messageProfile.phoneNumber");
        assertThat(twilio.received()).isEmpty();
    }

    /** A Twilio outage is the hook's FAILED command, not the host's error handler's 422. */
    @Test
    void twilioDownIsAFailedCommandNotTheHostsError() {
        twilio.failWith(503, 20503);

        Answer answer = okta.post(OktaRequest.sms());

        OktaShape.assertCommand(answer, "FAILED", null);
        assertThat(answer.metadata()).contains("reason=twilio-unavailable");
    }

    @Test
    void theHookLivesOnlyUnderTheHostsContextPath() throws Exception {
        assertThat(new OktaClient(host.port()).post(OktaRequest.sms()).status()).isEqualTo(404);
        assertThat(twilio.received()).isEmpty();
    }

    /** The hook's meters go to the host's own MeterRegistry, next to the host's. */
    @Test
    void theHooksMetersGoToTheHostsRegistry() throws Exception {
        send("POST", "/api/orders", "{\"item_name\":\"atlas\",\"quantity\":1}");
        okta.post(OktaRequest.sms());

        HttpResponse<String> meters = send("GET", "/api/meters", null);
        assertThat(meters.statusCode()).isEqualTo(200);
        List<String> names = JSON.readerForListOf(String.class).readValue(meters.body());
        assertThat(names).contains("orders.placed", "telephony.hook.calls");
    }

    @Test
    void theHostGetsNoActuatorItDidNotAskFor() throws Exception {
        try (JarFile jar = new JarFile(hostJar.toFile())) {
            List<String> libraries = jar.stream().map(ZipEntry::getName)
                    .filter(name -> name.startsWith("BOOT-INF/lib/")).map(name -> name.substring(13)).toList();
            assertThat(libraries).anyMatch(name -> name.startsWith("okta-twilio-telephony-hook-"));
            assertThat(libraries).noneMatch(name -> name.startsWith("spring-boot-actuator"))
                    .noneMatch(name -> name.startsWith("micrometer-registry-prometheus"));
        }
        assertThat(send("GET", "/actuator/health", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/actuator/prometheus", null).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> send(String method, String path, String json) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + host.port() + path))
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
