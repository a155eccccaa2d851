package io.telephonyhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import io.telephonyhook.standalone.ClassPreloader;
import io.telephonyhook.support.JarProcess;
import io.telephonyhook.support.LeakedForms;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.OktaShape;
import io.telephonyhook.support.TwilioStandIn;
import io.telephonyhook.support.TwilioStandIn.Received;

/**
 * The packaged jar as an operator runs it: {@code java -jar}, started from another directory, configured only
 * through environment variables, with TWILIO_API_URL pointing at a Twilio-compatible server on loopback.
 * Runs in {@code verify}, after the jar is built.
 */
class PackagedJarIT {

    private static final Path JAR = Path.of(System.getProperty("hook.jar", "target/hook.jar")).toAbsolutePath();

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

    /**
     * The build stores the jar's entries rather than deflating them (pom.xml, exec-jar-stored): the JVM reads the
     * classes at start without inflating them. The manifest stays among the first entries, where JarInputStream reads it.
     */
    @Test
    void theJarsEntriesAreStoredAndItsManifestComesFirst() throws IOException {
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            List<String> deflated = jar.stream().filter(entry -> entry.getMethod() != ZipEntry.STORED)
                    .map(ZipEntry::getName).limit(5).toList();
            assertThat(deflated).isEmpty();
            List<String> first = jar.stream().limit(2).map(ZipEntry::getName).toList();
            assertThat(first).contains("META-INF/MANIFEST.MF");
            assertThat(jar.size()).isGreaterThan(10_000);
        }
    }

    /**
     * The build writes into the jar the classes one start of it loaded (pom.xml, exec-jar-class-list), which a plain
     * start loads beside its main thread (ClassPreloader): application classes the jar holds, the JDK's and the JVM's
     * generated ones left out. The fast-start layout, whose archive holds them already, has no list.
     */
    @Test
    @DisabledIfSystemProperty(named = "fast-start.skip", matches = "true", disabledReason = "-Dfast-start.skip=true")
    void theJarListsTheClassesAStartLoadsAndTheFastStartLayoutDoesNot() throws IOException {
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            ZipEntry list = jar.getEntry(ClassPreloader.LIST);
            assertThat(list).as("the class list in " + JAR).isNotNull();
            List<String> names;
            try (InputStream in = jar.getInputStream(list)) {
                names = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            }
            assertThat(names).hasSizeGreaterThan(5_000).doesNotHaveDuplicates()
                    .contains(TelephonyHookApplication.class.getName(), "org.apache.camel.impl.DefaultCamelContext",
                            "com.twilio.rest.api.v2010.account.MessageCreator")
                    .noneMatch(name -> name.startsWith("java.") || name.startsWith("jdk.") || name.contains("@"))
                    .allMatch(name -> jar.getEntry(name.replace('.', '/') + ".class") != null);
        }
        Path layoutJar = Path.of(System.getProperty("hook.fastStart", "target/fast-start"), "telephony-hook.jar");
        try (ZipFile layout = new ZipFile(layoutJar.toFile())) {
            assertThat(layout.getEntry(ClassPreloader.LIST)).isNull();
        }
    }

    @Test
    void answersOktasExamplesInOktasShapeFromAnyDirectory() throws Exception {
        OktaClient okta = start(Map.of());

        Answer sms = okta.post(OktaRequest.example("sms-pre-enrollment.json")
                .phone("+14155552671").expiresIn(Duration.ofMinutes(5)));
        OktaShape.assertCommand(sms, "SUCCESSFUL", "SM");
        Received message = twilio.received().get(0);
        assertThat(message.path()).isEqualTo("/2010-04-01/Accounts/" + TwilioStandIn.ACCOUNT_SID + "/Messages.json");
        assertThat(message.field("To")).isEqualTo("+14155552671");
        assertThat(message.field("From")).isEqualTo("+15017122661");
        assertThat(message.field("Body")).isEqualTo("(HOOK)Your code is 11111");
        assertThat(Integer.parseInt(message.field("ValidityPeriod"))).isBetween(290, 300);

        Answer voice = okta.post(OktaRequest.example("voice-mfa-verification.json")
                .phone("+14155552671").expiresIn(Duration.ofMinutes(5)));
        OktaShape.assertCommand(voice, "SUCCESSFUL", "CA");
        Received call = twilio.received().get(1);
        assertThat(call.path()).endsWith("/Calls.json");
        assertThat(call.field("To")).isEqualTo("+14155552671");
        assertThat(call.field("From")).isEqualTo("+15017122661");
        assertThat(call.field("Twiml")).contains("<Say language=\"en-US\">").contains("4. 8. 2. 9. 1. 3.");

        Answer preview = okta.post(OktaRequest.example("sms-pre-enrollment.json"));
        OktaShape.assertCommand(preview, "FAILED", null);
        assertThat(preview.metadata()).isEqualTo("reason=invalid-number");
        assertThat(twilio.received()).hasSize(2);

        String hookLog = hook.logText();
        assertThat(hookLog).contains("to=+1******2671").doesNotContain("482913").doesNotContain("11111")
                .doesNotContain("4155552671").doesNotContain(OktaClient.SECRET);
    }

    @Test
    void settingsComeFromTheEnvironment() throws Exception {
        Path routes = Files.createDirectories(elsewhere.resolve("my-routes"));
        try (Stream<Path> shipped = Files.list(Path.of("routes"))) {
            for (Path route : shipped.toList()) {
                String yaml = Files.readString(route).replace("\"{{hook:path}}\"", "/okta/telephony");
                Files.writeString(routes.resolve(route.getFileName()), yaml);
            }
        }
        int managementPort = JarProcess.freePort();
        OktaClient okta = start(Map.of(
                "HOOK_ROUTES", "file:" + routes + "/*.camel.yaml",
                "OKTA_HOOK_AUTH_HEADER", "X-Okta-Hook-Secret",
                "LOG_FORMAT", "json",
                "MANAGEMENT_PORT", String.valueOf(managementPort)));

        Answer answer = okta.post(OktaRequest.sms().eventId("json-logged").json(), "x-okta-hook-secret",
                OktaClient.SECRET, "/okta/telephony");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");

        Answer secretInTheDefaultHeader = okta.post(OktaRequest.sms().json(), "Authorization", OktaClient.SECRET,
                "/okta/telephony");
        assertThat(secretInTheDefaultHeader.status()).isEqualTo(401);

        // LOG_FORMAT=json: one JSON object a line, the call's fields as fields of their own
        JsonNode callLine = Files.readAllLines(hook.log()).stream().filter(line -> line.contains("eventId=json-logged"))
                .map(PackagedJarIT::json).findFirst().orElseThrow();
        assertThat(callLine.path("eventId").asText()).isEqualTo("json-logged");
        assertThat(callLine.path("status").asText()).isEqualTo("SUCCESSFUL");
        assertThat(callLine.path("to").asText()).isEqualTo("+1******2671");
        assertThat(callLine.path("country").asText()).isEqualTo("US");

        // MANAGEMENT_PORT: the actuator answers there, and not where Okta calls
        HttpClient http = newConnection();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health.body()).at("/components/telephonyHook/details/mode").asText()).isEqualTo("live");
        HttpResponse<String> notHere = http.send(HttpRequest.newBuilder(okta.hookUrl().resolve("/actuator/health"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(notHere.statusCode()).isEqualTo(404);
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every logger at TRACE, beyond what an operator chasing a problem would turn on (Camel, Spring, Tomcat, the
     * Twilio SDK and the JDK's HTTP client included): still no code, no secret, no token and no full number. In a
     * process of its own, as logging levels are global to a JVM.
     */
    @Test
    void nothingSecretReachesTheLogEvenAtTrace() throws Exception {
        OktaClient okta = start(Map.of("LOGGING_LEVEL_ROOT", "TRACE"));
        String otp = "73916482";

        okta.post(OktaRequest.sms().eventId("trace-sms").otp(otp));
        okta.post(OktaRequest.voice().eventId("trace-voice").otp(otp));
        twilio.failWith(400, 21211);
        okta.post(OktaRequest.sms().eventId("trace-rejected").otp(otp));
        twilio.failWith(503, 20503);
        okta.post(OktaRequest.voice().eventId("trace-outage").otp(otp));
        okta.post(OktaRequest.sms().otp(otp).json().replace("\"data\"", "\"nope\""), "Authorization", OktaClient.SECRET);
        okta.post(OktaRequest.sms().otp(otp).json(), "Authorization", "Basic wrong");
        // Okta's JSON declared as a form: refused 415 before any component parses (and would log) it as parameters
        Answer form = okta.post(OktaRequest.sms().otp(otp).json().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded");
        assertThat(form.status()).isEqualTo(415);

        String hookLog = hook.logText();
        assertThat(hookLog).contains(" TRACE ").contains(" DEBUG ").contains("eventId=trace-outage");
        assertThat(hookLog).doesNotContain(LeakedForms.all(otp));
        assertThat(hookLog).doesNotContain(OktaRequest.PHONE).doesNotContain("4155552671");
    }

    /** On Tomcat; on Vert.x, the default, a new call is answered 503 instead ({@code OktaPortOnVertxIT}). */
    @Test
    void onSigtermCallsInFlightAreAnsweredAndNewOnesRefusedCleanly() throws Exception {
        OktaClient okta = start(Map.of("HTTP_SERVER", "tomcat"));
        okta.post(OktaRequest.sms()); // warm
        twilio.reset();
        twilio.answerAfter(Duration.ofMillis(1500));

        CompletableFuture<Answer> inFlight = CompletableFuture.supplyAsync(() -> okta.post(OktaRequest.sms()));
        Instant giveUp = Instant.now().plusSeconds(5);
        while (twilio.received().isEmpty() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(10);
        }
        hook.process().destroy(); // SIGTERM
        // Shutdown starts by closing the listening socket; how soon that is depends on the machine's load, so wait
        // for it (while the call in flight is still being served) rather than guess a time.
        Instant closedBy = Instant.now().plusSeconds(5);
        while (listening(okta.hookUrl().getPort()) && Instant.now().isBefore(closedBy)) {
            Thread.sleep(20);
        }
        assertThat(inFlight).as("the call in flight is still being served").isNotDone();

        assertThatThrownBy(() -> newConnection().send(HttpRequest.newBuilder(okta.hookUrl())
                        .header("Content-Type", "application/json").header("Authorization", OktaClient.SECRET)
                        .POST(HttpRequest.BodyPublishers.ofString(OktaRequest.sms().json())).build(),
                HttpResponse.BodyHandlers.ofString()))
                .as("a new connection after SIGTERM is refused at once, so Okta falls back without waiting")
                .isInstanceOf(ConnectException.class);
        Answer answer = inFlight.get(5, TimeUnit.SECONDS);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(twilio.received()).hasSize(1);
        assertThat(hook.process().waitFor(15, TimeUnit.SECONDS)).as("the hook exits after draining").isTrue();
    }

    /**
     * A start or a rolling deploy never answers Okta 404: from the moment the port opens until the hook's routes are
     * started, a call is refused at connect time or answered 503 with Okta's error body, so Okta falls back at once.
     */
    @Test
    void fromThePortOpeningToTheFirstCodeNoCallIsAnswered404() throws Exception {
        hook = JarProcess.launch(JAR, elsewhere, environment(Map.of()));

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
            JsonNode body = json(answer.body());
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

    private static boolean listening(int port) {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static HttpClient newConnection() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    private OktaClient start(Map<String, String> extraEnvironment) throws Exception {
        hook = JarProcess.start(JAR, elsewhere, environment(extraEnvironment), "Started TelephonyHookApplication");
        return new OktaClient(hook.port());
    }

    private Map<String, String> environment(Map<String, String> extra) throws IOException {
        Map<String, String> env = JarProcess.hookEnvironment(twilio);
        env.put("MANAGEMENT_PORT", String.valueOf(JarProcess.freePort()));
        env.putAll(extra);
        return env;
    }
}
