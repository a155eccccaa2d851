package io.telephonyhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.telephonyhook.support.JarProcess;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.RawHttp;
import io.telephonyhook.support.TwilioStandIn;

/**
 * The packaged jar under callers that try to hold it up, overload, and requests that parsers could read differently,
 * with Okta's port on Tomcat ({@code HTTP_SERVER=tomcat}; on Vert.x, the default, {@code OktaPortOnVertxIT}).
 * The server gets few request threads
 * ({@code SERVER_TOMCAT_THREADS_MAX=10}), so that a few dozen slow connections would be enough to starve it if
 * each held a thread: valid calls must still be answered within Okta's 3 s.
 */
class HostileCallersIT {

    private static final Path JAR = Path.of(System.getProperty("hook.jar", "target/hook.jar")).toAbsolutePath();
    private static final int THREADS = 10;
    private static final Duration OKTA_WAITS = Duration.ofSeconds(3);

    private final TwilioStandIn twilio = TwilioStandIn.start();
    private final ScheduledExecutorService trickle = Executors.newScheduledThreadPool(2);
    private final List<RawHttp> connections = new ArrayList<>();
    private JarProcess hook;
    private int managementPort;

    @TempDir
    Path elsewhere;

    @AfterEach
    void stop() throws Exception {
        trickle.shutdownNow();
        for (RawHttp connection : connections) {
            connection.close();
        }
        if (hook != null) {
            hook.close();
        }
    }

    @Test
    void slowBodiesWithoutTheSecretHoldNoThread() throws Exception {
        OktaClient okta = start();
        // 3 times as many as the server has threads: each is refused 401 at once, and its unread body is not swallowed
        for (int i = 0; i < 3 * THREADS; i++) {
            RawHttp slow = open("POST /telephonyHook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 300\r\n\r\n{");
            trickleBytes(slow, "x", Duration.ofMillis(1000));
        }
        Thread.sleep(500);

        assertValidCallsAnsweredInTime(okta);
    }

    @Test
    void slowHeadersHoldNoThread() throws Exception {
        OktaClient okta = start();
        // slowloris: a header byte a second, never a complete request (the whole-request limit is the proxy's: README)
        for (int i = 0; i < 10 * THREADS; i++) {
            RawHttp slow = open("POST /telephonyHook HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
            trickleBytes(slow, "a", Duration.ofMillis(1000));
        }
        Thread.sleep(500);

        assertValidCallsAnsweredInTime(okta);
    }

    @Test
    void aBodyTrickledWithTheSecretIsCutOffAtTheDeadline() throws Exception {
        start();
        RawHttp slow = open("POST /telephonyHook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: " + OktaClient.SECRET + "\r\nContent-Length: 500\r\n\r\n{");
        trickleBytes(slow, " ", Duration.ofMillis(300)); // never silent long enough for Tomcat's 2 s timeout
        long start = System.nanoTime();

        String answer = slow.readResponse(Duration.ofSeconds(10));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(answer).startsWith("HTTP/1.1 408").contains("\"errorSummary\"").doesNotContain("SUCCESSFUL");
        assertThat(took).isLessThan(Duration.ofMillis(2500 + 1000)); // the deadline, plus one read at most
        assertThat(twilio.received()).isEmpty();
    }

    @Test
    void expect100ContinueWithoutTheSecretGets401AndNoInvitationToSendTheBody() throws Exception {
        start();
        RawHttp caller = open("POST /telephonyHook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 1000\r\nExpect: 100-continue\r\n\r\n");

        String answer = caller.readResponse(Duration.ofSeconds(5));

        assertThat(answer).startsWith("HTTP/1.1 401").doesNotContain("100 Continue");
    }

    @Test
    void expect100ContinueWithTheSecretIsInvitedAndAnswered() throws Exception {
        start();
        String body = OktaRequest.sms().json();
        RawHttp caller = open("POST /telephonyHook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: " + OktaClient.SECRET + "\r\nContent-Length: " + body.getBytes().length
                + "\r\nExpect: 100-continue\r\n\r\n");

        String invitation = caller.readInterim(Duration.ofSeconds(5));
        caller.send(body);
        String answer = caller.readResponse(Duration.ofSeconds(5));

        assertThat(invitation).startsWith("HTTP/1.1 100");
        assertThat(answer).startsWith("HTTP/1.1 200").contains("SUCCESSFUL");
    }

    @Test
    void overloadPastCapacityIsShedAtOnceAndTheBreakerStaysClosed() throws Exception {
        // calls run on the request threads: 10 admitted, and threads to spare to answer the others at once
        OktaClient okta = start(Map.of("HOOK_MAX_CONCURRENT_CALLS", "10", "SERVER_TOMCAT_THREADS_MAX", "40"));
        // a healthy Twilio, slow enough that the first 10 are in flight while the others arrive, and well inside the
        // deadline: a shed call answered sooner than Twilio answers did not wait for a place (whatever this machine's
        // load: the margin is Twilio's time, not a guess at how fast the machine is)
        Duration twilioTakes = Duration.ofMillis(1500);
        twilio.answerAfter(twilioTakes);
        ExecutorService callers = Executors.newFixedThreadPool(100);
        try {
            List<Answer> answers = IntStream.range(0, 100)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> okta.post(OktaRequest.sms()), callers))
                    .toList().stream().map(CompletableFuture::join).toList();

            List<Answer> shed = answers.stream().filter(a -> a.metadata().equals("reason=overloaded")).toList();
            assertThat(shed).hasSizeGreaterThan(50)
                    .allSatisfy(answer -> assertThat(answer.took()).as("shed without waiting for Twilio")
                            .isLessThan(twilioTakes));
            assertThat(answers).allSatisfy(answer -> {
                assertThat(answer.actionStatus()).isIn("SUCCESSFUL", "FAILED");
                assertThat(answer.took()).isLessThan(OKTA_WAITS);
            });
            assertThat(twilio.received()).hasSize(100 - shed.size());
            assertThat(health().at("/components/telephonyHook/details/breakers/telephony-hook-twilio-sms").asText())
                    .isEqualTo("CLOSED");
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void strictParsingRefusesWhatParsersCouldReadDifferently() throws Exception {
        OktaClient okta = start(Map.of());
        String body = OktaRequest.sms().json();

        Answer twoCodes = okta.post(body.replace("\"otpCode\":", "\"otpCode\":\"111111\",\"otpCode\":"),
                "Authorization", OktaClient.SECRET);
        Answer latin1 = okta.post(body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/json; charset=ISO-8859-1");
        Answer exponent = okta.post(body.replace("\"otpCode\":\"482913\"", "\"otpCode\":1e3"),
                "Authorization", OktaClient.SECRET);

        assertThat(twoCodes.status()).isEqualTo(400);
        assertThat(latin1.status()).isEqualTo(415);
        assertThat(exponent.status()).isEqualTo(400);
        for (String loose : List.of("callback please SMS", "no-sms-voice", "vo\u0130ce", "Sms\u200b")) {
            Answer answer = okta.post(OktaRequest.sms().channel(loose));
            assertThat(answer.metadata()).as(loose).isEqualTo("reason=unknown-channel");
        }
        assertThat(twilio.received()).isEmpty();
    }

    @Test
    void theStartUpLogStatesTheMaximumHeap() throws Exception {
        start(Map.of("JAVA_TOOL_OPTIONS", "-Xmx96m"));

        assertThat(hook.logText()).contains("Maximum heap: 96 MB");
    }

    private JsonNode health() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }

    private void assertValidCallsAnsweredInTime(OktaClient okta) {
        ExecutorService callers = Executors.newFixedThreadPool(THREADS);
        try {
            List<Answer> answers = IntStream.range(0, 2 * THREADS)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> okta.post(OktaRequest.sms()), callers))
                    .toList().stream().map(CompletableFuture::join).toList();
            assertThat(answers).allSatisfy(answer -> {
                assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
                assertThat(answer.took()).isLessThan(OKTA_WAITS);
            });
        } finally {
            callers.shutdownNow();
        }
    }

    private RawHttp open(String start) throws IOException {
        RawHttp connection = new RawHttp(hook.port());
        connections.add(connection);
        return connection.send(start);
    }

    private void trickleBytes(RawHttp connection, String text, Duration every) {
        trickle.scheduleAtFixedRate(() -> {
            try {
                connection.send(text);
            } catch (IOException closed) {
                throw new IllegalStateException(closed); // stops this connection's trickle
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private OktaClient start() throws Exception {
        return start(Map.of());
    }

    private OktaClient start(Map<String, String> extra) throws Exception {
        Map<String, String> environment = JarProcess.hookEnvironment(twilio);
        managementPort = JarProcess.freePort();
        environment.put("MANAGEMENT_PORT", String.valueOf(managementPort));
        environment.put("HTTP_SERVER", "tomcat"); // on Vert.x, the default: OktaPortOnVertxIT
        environment.put("SERVER_TOMCAT_THREADS_MAX", String.valueOf(THREADS));
        environment.putAll(extra);
        hook = JarProcess.start(JAR, elsewhere, environment, "Started TelephonyHookApplication");
        OktaClient okta = new OktaClient(hook.port());
        okta.post(OktaRequest.sms()); // warm: the first call loads the classes of a call's path
        twilio.reset();
        return okta;
    }
}
