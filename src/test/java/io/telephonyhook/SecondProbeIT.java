package io.telephonyhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
import com.nimbusds.jwt.JWTClaimsSet;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import redis.embedded.RedisServer;

import io.telephonyhook.support.DeliveryViewer;
import io.telephonyhook.support.JarProcess;
import io.telephonyhook.support.OktaAuthorizationServer;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.RawHttp;
import io.telephonyhook.support.TwilioCallback;
import io.telephonyhook.support.TwilioStandIn;

/**
 * What the second hostile probe broke, each reproduced against the packaged jar with the README's small-instance
 * flags, and answered as built: the status-callback path guarded like Okta's (slow bodies, huge bodies, bad forms), no
 * demo mode on half-live settings, no claim left behind by a Redis stall, eventIds as sent, every Twilio status, and no
 * user's access token taken for Okta's. With Okta's port on Tomcat, whose servlet guards the probe met; on Vert.x, the
 * default, a form Vert.x cannot decode may be refused 403 rather than 400, one of no declared length with a field over
 * Vert.x's 8 KB 400 rather than 413
 * (docs/going-live.md, "Okta's port on Vert.x"), and {@code OktaPortOnVertxIT} checks the status path's guards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecondProbeIT {

    private static final Path JAR = Path.of(System.getProperty("hook.jar", "target/hook.jar")).toAbsolutePath();
    /** The recommended flags (docs/going-live.md). */
    private static final List<String> SMALL_INSTANCE = List.of("-Xmx128m", "-Xss512k", "-XX:+UseParallelGC",
            "-XX:Tier4InvocationThreshold=50000", "-XX:Tier4MinInvocationThreshold=6000",
            "-XX:Tier4CompileThreshold=150000", "-XX:Tier4BackEdgeThreshold=400000");
    private static final Duration OKTA_WAITS = Duration.ofSeconds(3);
    /** Shaped like Twilio's signature (Base64 of 20 bytes), signed by no one. */
    private static final String MADE_UP_SIGNATURE = "AAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TwilioStandIn twilio = TwilioStandIn.start();
    private final OktaAuthorizationServer authorizationServer = OktaAuthorizationServer.start();
    private final List<RawHttp> connections = new ArrayList<>();
    private ScheduledExecutorService trickle;
    private RedisServer redis;
    private int redisPort;
    private Path folder;
    private JarProcess hook;
    private int managementPort;
    private OktaClient okta;

    @BeforeAll
    void redisAndTheHook() throws Exception {
        folder = Files.createTempDirectory("second-probe");
        redisPort = JarProcess.freePort();
        redis = new RedisServer(redisPort);
        redis.start();
        int port = JarProcess.freePort();
        managementPort = JarProcess.freePort();
        Map<String, String> environment = JarProcess.hookEnvironment(twilio);
        environment.put("PORT", String.valueOf(port));
        environment.put("MANAGEMENT_PORT", String.valueOf(managementPort));
        environment.put("HTTP_SERVER", "tomcat"); // the status path's guards on Vert.x, the default: OktaPortOnVertxIT
        environment.put("HOOK_PUBLIC_URL", "http://127.0.0.1:" + port);
        environment.put("HOOK_DEDUP_REDIS_URL", "redis://127.0.0.1:" + redisPort);
        environment.put("OKTA_HOOK_OAUTH_ISSUER", authorizationServer.issuer());
        environment.put("OKTA_HOOK_OAUTH_SCOPE", OktaAuthorizationServer.SCOPE);
        hook = JarProcess.start(JAR, SMALL_INSTANCE, Files.createDirectories(folder.resolve("hook")), environment,
                "Started TelephonyHookApplication");
        okta = new OktaClient(hook.port());
        okta.post(OktaRequest.sms()); // warm: the first call loads the classes of a call's path
    }

    @AfterEach
    void closeConnections() throws IOException {
        if (trickle != null) {
            trickle.shutdownNow();
            trickle = null;
        }
        for (RawHttp connection : connections) {
            connection.close();
        }
        connections.clear();
        twilio.reset();
    }

    @AfterAll
    void stop() throws Exception {
        if (hook != null) {
            hook.close();
        }
        if (redis != null && redis.isActive()) {
            redis.stop();
        }
        authorizationServer.close();
    }

    /** Item 1: 260 unsigned and 40 made-up-signature report bodies trickled a byte a second, Okta's calls on time. */
    @Test
    void slowStatusReportBodiesLeaveOktasCallsOnTime() throws Exception {
        int logBefore = hook.logText().length();
        openTrickling(hook.port(), 260, null);
        openTrickling(hook.port(), 40, MADE_UP_SIGNATURE);
        Thread.sleep(1000);

        int answered = 0;
        for (int round = 0; round < 3; round++) {
            answered += assertCallsAnsweredInTime(okta, 20);
            Thread.sleep(1000);
        }

        assertThat(twilio.received()).as("no code sent late, after its answer").hasSize(answered);
        assertThat(hook.logText().substring(logBefore)).doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
    }

    /** Item 1, with HOOK_PUBLIC_URL unset: the path still refuses before reading a byte of the body. */
    @Test
    void withoutAPublicUrlUnsignedBodiesAreRefusedUnread() throws Exception {
        Map<String, String> environment = JarProcess.hookEnvironment(twilio);
        environment.put("MANAGEMENT_PORT", String.valueOf(JarProcess.freePort()));
        try (JarProcess plain = JarProcess.start(JAR, SMALL_INSTANCE, Files.createDirectories(folder.resolve("plain")),
                environment, "Started TelephonyHookApplication")) {
            OktaClient plainOkta = new OktaClient(plain.port());
            plainOkta.post(OktaRequest.sms());
            openTrickling(plain.port(), 260, null);
            openTrickling(plain.port(), 40, MADE_UP_SIGNATURE);

            RawHttp probe = connections.get(0);
            assertThat(probe.readResponse(Duration.ofSeconds(2))).startsWith("HTTP/1.1 403");
            assertCallsAnsweredInTime(plainOkta, 20);
        }
    }

    /** Item 2: a 20 MB report, and eight 15 MB ones at once, are refused within 16 KB: no OutOfMemoryError. */
    @Test
    void hugeStatusReportBodiesAreRefusedWithoutFillingTheHeap() throws Exception {
        URI status = URI.create("http://127.0.0.1:" + hook.port() + "/twilio/status");
        RawHttp declared = new RawHttp(hook.port());
        connections.add(declared);
        declared.send("POST /twilio/status HTTP/1.1\r\nHost: localhost\r\nX-Twilio-Signature: " + MADE_UP_SIGNATURE
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + 20 * 1024 * 1024
                + "\r\n\r\nAccountSid=AC");
        assertThat(declared.readResponse(Duration.ofSeconds(2))).startsWith("HTTP/1.1 413");

        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> chunked = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> postChunked(status, 15 * 1024 * 1024), senders))
                    .toList();
            assertCallsAnsweredInTime(okta, 10);
            assertThat(chunked.stream().map(CompletableFuture::join).toList()).allMatch(code -> code == 413 || code == -1);
        } finally {
            senders.shutdownNow();
        }
        assertThat(hook.process().isAlive()).isTrue();
        assertThat(hook.logText()).doesNotContain("OutOfMemoryError");
        assertCallsAnsweredInTime(okta, 10);
    }

    /** Item 3: a malformed form is 400, one log line each, no stack trace, no raw control bytes. */
    @Test
    void aMalformedFormIs400InOneCleanLogLine() throws Exception {
        String before = hook.logText();
        for (String form : new String[] {"a=%", "%zz", "a=%\u001bc", "a=%\r\nFORGED"}) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + hook.port() + "/twilio/status"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Twilio-Signature", MADE_UP_SIGNATURE)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(form).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        }
        Thread.sleep(200);
        String added = hook.logText().substring(before.length());
        assertThat(added.lines().filter(line -> line.contains("Twilio status report refused"))).hasSize(4)
                .allMatch(line -> line.endsWith("status=400 reason=\"a form that cannot be read\""));
        assertThat(added.lines()).hasSize(4);
        assertThat(added).doesNotContain("\u001b").doesNotContain("FORGED").doesNotContain("Exception");
    }

    /** Item 4: Twilio URLs and the operator's secret without an account SID are refused, not run as a demo. */
    @Test
    void halfLiveSettingsStopTheStart() throws Exception {
        for (String variable : new String[] {"TWILIO_API_URL", "TWILIO_TWIML_URL"}) {
            Map<String, String> halfLive = Map.of("OKTA_HOOK_AUTH_SECRET", OktaClient.SECRET,
                    variable, twilio.url().toString(), "MANAGEMENT_PORT", String.valueOf(JarProcess.freePort()));
            JarProcess refused = JarProcess.launch(JAR, SMALL_INSTANCE, Files.createDirectories(folder.resolve(variable)),
                    halfLive);
            assertThat(refused.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(refused.process().exitValue()).isNotZero();
            assertThat(refused.logText()).contains("TWILIO_ACCOUNT_SID is not set although " + variable + " is")
                    .doesNotContain("DEMO MODE");
        }
    }

    /**
     * Item 5: Redis stalls (SIGSTOP) for 3 s during a call. The code goes out from memory; once Redis resumes, the
     * claim that landed late holds the outcome, not "pending", and a repeat here is answered at once.
     */
    @Test
    void aRedisStallLeavesNoClaimBehind() throws Exception {
        long redisPid = redisProcess();
        signal("STOP", redisPid);
        Answer first;
        try {
            first = okta.post(OktaRequest.sms().eventId("stalled-call"));
            Thread.sleep(3000);
        } finally {
            signal("CONT", redisPid);
        }
        assertThat(first.actionStatus()).isEqualTo("SUCCESSFUL");
        Thread.sleep(500);

        Answer repeat = okta.post(OktaRequest.sms().eventId("stalled-call"));

        // answered from memory, not after waiting out the claim Redis took late (2.4 s, then FAILED deadline)
        assertThat(repeat.took()).isLessThan(Duration.ofMillis(1500));
        assertThat(repeat.action().path("transactionId")).isEqualTo(first.action().path("transactionId"));
        assertThat(twilio.received()).hasSize(1);
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + redisPort);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            assertThat(connection.sync().get("telephony-hook:event:stalled-call")).isNotNull().isNotEqualTo("pending")
                    .contains(first.action().path("transactionId").asText());
        } finally {
            client.shutdown();
        }
    }

    /** Item 6: ids that share a folded or a cut form are distinct events, each its own code. */
    @Test
    void distinctEventIdsAreDistinctCodes() {
        String[] ids = {"ev+1", "ev 1", "ev\u00e91", "x".repeat(64) + "a", "x".repeat(64) + "b"};
        List<String> sids = new ArrayList<>();
        for (String id : ids) {
            Answer answer = okta.post(OktaRequest.sms().eventId(id));
            assertThat(answer.actionStatus()).as(id).isEqualTo("SUCCESSFUL");
            sids.add(answer.action().path("transactionId").asText());
        }
        assertThat(sids).doesNotHaveDuplicates();
        assertThat(twilio.received()).hasSize(ids.length);
    }

    /** Item 7: a final status with an underscore, as Twilio documents it, is taken. */
    @Test
    void partiallyDeliveredIsTaken() throws Exception {
        String sid = okta.post(OktaRequest.sms()).action().path("transactionId").asText();
        URI callback = URI.create("http://127.0.0.1:" + hook.port() + "/twilio/status");

        HttpResponse<String> answer = TwilioCallback.postSigned(callback,
                TwilioCallback.smsStatus(sid, "partially_delivered", null));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode delivery = deliveries("sid=" + sid).path("deliveries").path(0);
        assertThat(delivery.path("status").asText()).isEqualTo("partially_delivered");
    }

    /** Item 8: an end user's token from the same server is refused; an issuer with neither scope nor client id stops the start. */
    @Test
    void aUsersAccessTokenIsNotOktas() throws Exception {
        // the hook takes the default audience, which every app's tokens from that server carry
        JWTClaimsSet usersToken = authorizationServer.claims().claim("cid", "0oa1employeeportal")
                .claim("scp", List.of("openid", "profile")).audience("api://default").build();
        Answer answer = okta.post(OktaRequest.sms().json(), "Authorization",
                "Bearer " + OktaAuthorizationServer.sign(usersToken, authorizationServer.signingKey()));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(twilio.received()).isEmpty();

        Map<String, String> environment = JarProcess.hookEnvironment(twilio);
        environment.remove("OKTA_HOOK_AUTH_SECRET");
        environment.put("OKTA_HOOK_OAUTH_ISSUER", authorizationServer.issuer());
        environment.put("MANAGEMENT_PORT", String.valueOf(JarProcess.freePort()));
        JarProcess refused = JarProcess.launch(JAR, SMALL_INSTANCE, Files.createDirectories(folder.resolve("oauth")),
                environment);
        assertThat(refused.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(refused.process().exitValue()).isNotZero();
        assertThat(refused.logText())
                .contains("OKTA_HOOK_OAUTH_ISSUER is set without OKTA_HOOK_OAUTH_SCOPE or OKTA_HOOK_OAUTH_CLIENT_ID");
    }

    /** {@code count} status-report connections that promise 1000 bytes of form and send one a second. */
    private void openTrickling(int port, int count, String signature) throws IOException {
        if (trickle == null) {
            trickle = Executors.newSingleThreadScheduledExecutor();
            trickle.scheduleAtFixedRate(() -> {
                for (RawHttp connection : List.copyOf(connections)) {
                    try {
                        connection.send("a");
                    } catch (IOException closedByTheHook) {
                        // refused and closed: nothing more to send
                    }
                }
            }, 1, 1, TimeUnit.SECONDS);
        }
        for (int i = 0; i < count; i++) {
            RawHttp connection = new RawHttp(port);
            synchronized (connections) {
                connections.add(connection);
            }
            connection.send("POST /twilio/status HTTP/1.1\r\nHost: localhost\r\n"
                    + (signature == null ? "" : "X-Twilio-Signature: " + signature + "\r\n")
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nA");
        }
    }

    /** {@code count} SMS calls at once, each answered SUCCESSFUL within Okta's 3 s; how many were answered. */
    private static int assertCallsAnsweredInTime(OktaClient okta, int count) {
        ExecutorService callers = Executors.newFixedThreadPool(count);
        try {
            List<Answer> answers = IntStream.range(0, count)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> okta.post(OktaRequest.sms()), callers))
                    .toList().stream().map(CompletableFuture::join).toList();
            assertThat(answers).allSatisfy(answer -> {
                assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
                assertThat(answer.took()).isLessThan(OKTA_WAITS);
            });
            return answers.size();
        } finally {
            callers.shutdownNow();
        }
    }

    /** A chunked form body of {@code bytes}: the status, or -1 when the hook closed the connection mid-body. */
    private static int postChunked(URI url, int bytes) {
        InputStream endless = new InputStream() {
            private int left = bytes;

            @Override
            public int read() {
                return left-- > 0 ? 'a' : -1;
            }
        };
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(url)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Twilio-Signature", MADE_UP_SIGNATURE)
                    .timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> endless)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException closed) {
            return -1;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private JsonNode deliveries(String query) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/deliveries?" + query))
                .header("Authorization", DeliveryViewer.HEADER)
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(answer.body());
    }

    /** The redis-server this class started, as it tells its own process id. */
    private long redisProcess() {
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + redisPort);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().info("server").lines().filter(line -> line.startsWith("process_id:"))
                    .mapToLong(line -> Long.parseLong(line.substring("process_id:".length()).strip()))
                    .findFirst().orElseThrow();
        } finally {
            client.shutdown();
        }
    }

    private static void signal(String signal, long pid) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start().waitFor())
                .isZero();
    }
}
