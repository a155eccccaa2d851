package io.telephonyhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
 * The packaged jar under callers that try to hold it up. The server gets few request threads
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
        Map<String, String> environment = JarProcess.hookEnvironment(twilio);
        environment.put("MANAGEMENT_PORT", String.valueOf(JarProcess.freePort()));
        environment.put("SERVER_TOMCAT_THREADS_MAX", String.valueOf(THREADS));
        hook = JarProcess.start(JAR, elsewhere, environment, "Started TelephonyHookApplication");
        OktaClient okta = new OktaClient(hook.port());
        okta.post(OktaRequest.sms()); // warm: the first call loads the classes of a call's path
        twilio.reset();
        return okta;
    }
}
