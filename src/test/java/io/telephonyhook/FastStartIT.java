package io.telephonyhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.telephonyhook.support.JarProcess;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.OktaShape;
import io.telephonyhook.support.TwilioStandIn;

/**
 * The fast-start layout as the README runs it (README, "Fast start"): the copied flat jar with Spring AOT's classes and
 * the class-data archive the build trained, started from another directory, in live mode against the Twilio stand-in,
 * while AOT ran in demo mode: the live start has no simulator, and the management server (health, metrics, the delivery
 * page) answers on its own port, as without AOT. {@code -Xshare:on}
 * makes an archive the JVM cannot use (another JDK, a jar rebuilt after training) fail the start instead of being
 * ignored with a warning, and the class-loading log shows the classes came from the archive. No timing is asserted:
 * the build machine's load decides that; the README's figures come from a benchmark.
 */
@DisabledIfSystemProperty(named = "fast-start.skip", matches = "true", disabledReason = "-Dfast-start.skip=true")
class FastStartIT {

    private static final Path LAYOUT = Path.of(System.getProperty("hook.fastStart", "target/fast-start"))
            .toAbsolutePath();
    private static final String VIEWER_SECRET = "fast-start-viewer-secret";
    private static final String ARCHIVED = "shared objects file (top)";
    private static final Pattern CLASS_LOAD = Pattern.compile("\\[class,load\\] (\\S+) source: (.+)$");

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
    void theLayoutAnswersOktaLiveOnAotBeansWithClassesFromTheArchive() throws Exception {
        Path classLoading = elsewhere.resolve("class-load.log");
        Map<String, String> env = JarProcess.hookEnvironment(twilio);
        int management = JarProcess.freePort();
        env.put("MANAGEMENT_PORT", String.valueOf(management));
        env.put("HOOK_DELIVERIES_VIEWER_SECRET", VIEWER_SECRET);
        hook = JarProcess.start(LAYOUT.resolve("telephony-hook.jar"), List.of(
                        "-Xshare:on",
                        "-XX:SharedArchiveFile=" + LAYOUT.resolve("telephony-hook.jsa"),
                        "-Xlog:class+load=info:file=" + classLoading),
                elsewhere, env, "Started TelephonyHookApplication");
        OktaClient okta = new OktaClient(hook.port());

        Answer sms = okta.post(OktaRequest.sms().eventId("fast-start-sms").expiresIn(Duration.ofMinutes(5)));
        OktaShape.assertCommand(sms, "SUCCESSFUL", "SM");
        Answer voice = okta.post(OktaRequest.voice().eventId("fast-start-voice").expiresIn(Duration.ofMinutes(5)));
        OktaShape.assertCommand(voice, "SUCCESSFUL", "CA");
        assertThat(twilio.received()).hasSize(2);
        assertThat(twilio.received().get(0).path()).endsWith("/Messages.json");
        assertThat(twilio.received().get(1).path()).endsWith("/Calls.json");

        assertThat(hook.logText()).as("Spring on AOT's bean definitions").contains(
                "Starting AOT-processed TelephonyHookApplication");
        assertThat(get(hook.port(), "/simulator/messages", null).statusCode()).as("live mode: no simulator")
                .isEqualTo(404);
        HttpResponse<String> health = get(management, "/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"", "\"telephonyHook\"");
        assertThat(get(management, "/actuator/prometheus", null).body()).contains(
                "telephony_hook_call_duration_seconds_count");
        assertThat(get(management, "/deliveries", null).statusCode()).isEqualTo(401);
        String viewer = "Basic " + Base64.getEncoder().encodeToString(("admin:" + VIEWER_SECRET).getBytes());
        HttpResponse<String> page = get(management, "/deliveries", viewer);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("fast-start-sms");
        hook.close();

        // class name -> where the JVM took it from: a jar of the layout, or the archive
        Map<String, String> sources = new TreeMap<>();
        for (String line : Files.readAllLines(classLoading)) {
            Matcher load = CLASS_LOAD.matcher(line);
            if (load.find()) {
                sources.put(load.group(1), load.group(2));
            }
        }
        assertThat(sources).as("the hook's and Camel's YAML DSL classes, from the archive").containsEntry(
                "io.telephonyhook.TelephonyHookApplication", ARCHIVED).containsEntry(
                "io.telephonyhook.spring.HookRoutesInstaller", ARCHIVED).containsEntry(
                "io.telephonyhook.okta.OtpRequestReader", ARCHIVED).containsEntry(
                "io.telephonyhook.twilio.VoiceScript", ARCHIVED).containsEntry(
                "org.apache.camel.dsl.yaml.YamlRoutesBuilderLoader", ARCHIVED);
        // the training run answers Okta and stops: the delivery page, opened above, is not among what it loaded
        assertThat(fromJars(sources, "io.telephonyhook.")).as("the hook's classes loaded from a jar, not the archive")
                .allSatisfy((name, jar) -> assertThat(name).startsWith("io.telephonyhook.deliverypage."));
        assertThat(fromJars(sources, "org.apache.camel.dsl.yaml.")).as(
                "Camel's YAML DSL classes loaded from a jar, not the archive").isEmpty();
    }

    /**
     * Spring AOT fixed the management server on a port of its own: the same port as Okta's, or none ({@code -1}), is
     * refused in one line before any server is made.
     */
    @ParameterizedTest
    @ValueSource(strings = {"PORT", "-1"})
    void theLayoutRefusesAManagementPortNotItsOwn(String managementPort) throws Exception {
        Map<String, String> env = JarProcess.hookEnvironment(twilio);
        String port = String.valueOf(JarProcess.freePort());
        String management = "PORT".equals(managementPort) ? port : managementPort;
        env.put("PORT", port);
        env.put("MANAGEMENT_PORT", management);
        hook = JarProcess.launch(LAYOUT.resolve("telephony-hook.jar"),
                List.of("-XX:SharedArchiveFile=" + LAYOUT.resolve("telephony-hook.jsa")), elsewhere, env);
        assertThat(hook.process().waitFor(2, TimeUnit.MINUTES)).as("the start stopped").isTrue();
        assertThat(hook.process().exitValue()).isNotZero();
        assertThat(hook.logText()).contains("MANAGEMENT_PORT (" + management + ") must be a port of its own")
                .doesNotContain("Tomcat initialized");
    }

    private static HttpResponse<String> get(int port, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The classes under {@code prefix} that were loaded from a jar, with the jar. */
    private static Map<String, String> fromJars(Map<String, String> sources, String prefix) {
        Map<String, String> fromJars = new TreeMap<>();
        sources.forEach((name, source) -> {
            if (name.startsWith(prefix) && source.startsWith("file:")) {
                fromJars.put(name, source);
            }
        });
        return fromJars;
    }
}
