package io.telephonyhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.telephonyhook.support.JarProcess;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.TwilioStandIn;

/**
 * A start or a rolling deploy never answers Okta 404: from the moment the port opens until the hook's routes are
 * started, a call is refused at connect time or answered 503 with Okta's error body, so Okta falls back at once.
 */
class StartupGateIT {

    private static final Path JAR = Path.of(System.getProperty("hook.jar", "target/hook.jar")).toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TwilioStandIn twilio = TwilioStandIn.start();
    private JarProcess hook;

    @TempDir
    Path elsewhere;

    @AfterEach
    void stopHook() throws Exception {
        if (hook != null) {
            hook.close();
        }
    }

    @Test
    void fromThePortOpeningToTheFirstCodeNoCallIsAnswered404() throws Exception {
        Map<String, String> environment = JarProcess.hookEnvironment(twilio);
        environment.put("MANAGEMENT_PORT", String.valueOf(JarProcess.freePort()));
        hook = JarProcess.launch(JAR, elsewhere, environment);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest call = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hook.port() + "/telephonyHook"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").header("Authorization", OktaClient.SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(OktaRequest.sms().json())).build();
        List<Integer> beforeTheFirstCode = new ArrayList<>();
        int refusedConnections = 0;
        Instant giveUp = Instant.now().plusSeconds(90);
        while (true) {
            assertThat(hook.process().isAlive()).as("the hook exited:%n%s", hook.logText()).isTrue();
            assertThat(Instant.now()).as("no SUCCESSFUL within 90 s:%n%s", hook.logText()).isBefore(giveUp);
            HttpResponse<String> answer;
            try {
                answer = http.send(call, HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException notListeningYet) {
                refusedConnections++;
                Thread.sleep(5);
                continue;
            }
            JsonNode body = JSON.readTree(answer.body());
            if (answer.statusCode() == 200) {
                assertThat(body.at("/commands/0/value/0/status").asText()).isEqualTo("SUCCESSFUL");
                break;
            }
            beforeTheFirstCode.add(answer.statusCode());
            assertThat(answer.statusCode()).as("answers while starting, so far %s", beforeTheFirstCode).isEqualTo(503);
            assertThat(body.at("/error/errorCauses/0/reason").asText()).isEqualTo("HTTP_503");
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        }

        assertThat(twilio.received()).as("nothing is sent while the hook answers 503").hasSize(1);
        System.out.printf("start-up: %d connections refused, then %d answers 503, then SUCCESSFUL%n",
                refusedConnections, beforeTheFirstCode.size());
    }
}
