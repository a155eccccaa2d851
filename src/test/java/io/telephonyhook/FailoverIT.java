package io.telephonyhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.telephonyhook.support.JarProcess;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.TwilioCallback;
import io.telephonyhook.support.TwilioStandIn;
import io.telephonyhook.support.TwilioStandIn.Reply;

/**
 * The failover account against the packaged jar, as docs/failover.md promises it, with two Twilio stand-ins on
 * loopback: the failover sends a code only when the primary certainly did not take it, inside Okta's 3 s, and never a
 * second code for one eventId.
 */
class FailoverIT {

    private static final Path JAR = Path.of(System.getProperty("hook.jar", "target/hook.jar")).toAbsolutePath();
    private static final TwilioStandIn primary = TwilioStandIn.start();
    private static final TwilioStandIn failover = TwilioStandIn.startFailover();
    private static JarProcess hook;
    private static OktaClient okta;
    private static URI callbackUrl;

    @BeforeAll
    static void start() throws Exception {
        int port = JarProcess.freePort();
        Map<String, String> env = environment(primary.url().toString());
        env.put("PORT", String.valueOf(port));
        env.put("HOOK_PUBLIC_URL", "http://127.0.0.1:" + port);
        hook = JarProcess.start(JAR, Files.createTempDirectory("failover"), env, "Started TelephonyHookApplication");
        okta = new OktaClient(hook.port());
        callbackUrl = URI.create("http://127.0.0.1:" + port + "/twilio/status");
    }

    @AfterAll
    static void stop() throws Exception {
        if (hook != null) {
            hook.close();
        }
    }

    @BeforeEach
    void fresh() {
        primary.reset();
        failover.reset();
    }

    /** The primary and the failover account's settings, as an operator sets them. */
    static Map<String, String> environment(String primaryUrl) throws IOException {
        Map<String, String> env = JarProcess.hookEnvironment(primary);
        env.put("TWILIO_API_URL", primaryUrl);
        env.put("MANAGEMENT_PORT", String.valueOf(JarProcess.freePort()));
        env.put("TWILIO_FAILOVER_ACCOUNT_SID", TwilioStandIn.FAILOVER_ACCOUNT_SID);
        env.put("TWILIO_FAILOVER_AUTH_TOKEN", TwilioStandIn.FAILOVER_AUTH_TOKEN);
        env.put("TWILIO_FAILOVER_API_URL", failover.url().toString());
        env.put("TWILIO_FAILOVER_FROM_NUMBER", "+15017122662");
        return env;
    }

    @Test
    void primary500AndPrimary20003GoOutThroughTheFailoverOnce() {
        for (int[] fault : new int[][] {{500, 20500}, {401, 20003}}) {
            failover.reset();
            primary.failWith(fault[0], fault[1]);

            Answer answer = okta.post(OktaRequest.sms());

            assertThat(answer.actionStatus()).as("primary %s", fault[1]).isEqualTo("SUCCESSFUL");
            assertThat(answer.metadata()).isEqualTo("twilioStatus=queued; account=failover");
            assertThat(failover.acceptedSids()).containsExactly(answer.action().path("transactionId").asText());
            assertThat(answer.took()).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void aPrimaryHangingPastTheDeadlineIsFailedAndTheFailoverGetsNothing() {
        primary.script(request -> Reply.hang());

        Answer answer = okta.post(OktaRequest.sms());

        assertThat(answer.metadata()).isEqualTo("reason=deadline");
        assertThat(answer.took()).isLessThan(Duration.ofSeconds(3));
        assertThat(failover.received()).isEmpty();
    }

    @Test
    void aNumberThePrimaryRejectsIsFailedWithItsCodeAndNotFailedOver() {
        primary.failWith(400, 21211);

        Answer answer = okta.post(OktaRequest.sms());

        assertThat(answer.metadata()).isEqualTo("reason=twilio-rejected; twilioError=21211; httpStatus=400");
        assertThat(failover.received()).isEmpty();
    }

    @Test
    void bothDownIsFailedInsideThreeSeconds() {
        primary.failWith(500, 20500);
        failover.failWith(500, 20500);

        Answer answer = okta.post(OktaRequest.voice());

        assertThat(answer.actionStatus()).isEqualTo("FAILED");
        assertThat(answer.took()).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void twentyCopiesOfOneEventIdWhileThePrimaryFailsAreOneCodeAndTwentyIdenticalAnswers() {
        primary.failWith(500, 20500);
        failover.answerAfter(Duration.ofMillis(300));
        OktaRequest request = OktaRequest.sms().eventId("failover-it-twenty");
        ExecutorService callers = Executors.newFixedThreadPool(20);
        try {
            List<Answer> answers = IntStream.range(0, 20)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> okta.post(request), callers)).toList()
                    .stream().map(CompletableFuture::join).toList();

            assertThat(failover.received()).hasSize(1);
            assertThat(answers).extracting(answer -> answer.json().toString()).containsOnly(answers.get(0).json().toString());
        } finally {
            callers.shutdownNow();
        }
    }

    /** Runs last in effect: it leaves the primary's voice breaker open, which no other test here needs closed. */
    @Test
    void anOpenPrimaryBreakerSendsThroughTheFailoverAtOnce() {
        primary.failWith(500, 20500);
        for (int call = 0; call < 10; call++) {
            okta.post(OktaRequest.voice()); // each fails over; the primary's voice breaker counts the failures
        }
        int triedBefore = primary.received().size();
        failover.reset();

        Answer answer = okta.post(OktaRequest.voice());

        assertThat(answer.metadata()).isEqualTo("twilioStatus=queued; account=failover");
        assertThat(primary.received()).as("the open breaker does not try the primary").hasSize(triedBefore);
        assertThat(failover.received()).hasSize(1);
    }

    @Test
    void aFailoverMessagesReportIsTakenWithTheFailoverTokenAndRefusedWithThePrimarys() {
        primary.failWith(500, 20500);
        String sid = okta.post(OktaRequest.sms()).action().path("transactionId").asText();

        Map<String, String> report = new HashMap<>(TwilioCallback.smsStatus(sid, "delivered", null));
        report.put("AccountSid", TwilioStandIn.FAILOVER_ACCOUNT_SID);
        HttpResponse<String> byFailover = TwilioCallback.post(callbackUrl, report,
                TwilioCallback.signature(TwilioStandIn.FAILOVER_AUTH_TOKEN, callbackUrl.toString(), report));
        HttpResponse<String> byPrimary = TwilioCallback.postSigned(callbackUrl, TwilioCallback.smsStatus(sid, "failed", 30008));

        assertThat(byFailover.statusCode()).as(byFailover.body()).isEqualTo(200);
        assertThat(byPrimary.statusCode()).as(byPrimary.body()).isEqualTo(403);
    }

    /** Nothing listens where the primary is: the connection is refused before anything is sent. */
    @Test
    void aPrimaryThatRefusesTheConnectionGoesOutThroughTheFailover() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        try (JarProcess refused = JarProcess.start(JAR, Files.createTempDirectory("failover-refused"),
                environment("http://127.0.0.1:" + closed), "Started TelephonyHookApplication")) {
            Answer answer = new OktaClient(refused.port()).post(OktaRequest.sms());

            assertThat(answer.metadata()).isEqualTo("twilioStatus=queued; account=failover");
            assertThat(failover.received()).hasSize(1);
            assertThat(answer.took()).isLessThan(Duration.ofSeconds(3));
        }
    }
}
