package io.telephonyhook.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.telephonyhook.HookRoutes;
import io.telephonyhook.support.LiveHook;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.TwilioCallback;
import io.telephonyhook.support.TwilioStandIn;
import io.telephonyhook.support.TwilioStandIn.Reply;

/**
 * A second Twilio account (docs/failover.md), against two stand-ins on loopback: the failover account sends a code
 * only when the primary certainly did not take it, and never a second code for one eventId. One row of the
 * documented table per test.
 */
class FailoverTest {

    private static final TwilioStandIn primary = TwilioStandIn.start();
    private static final TwilioStandIn failover = TwilioStandIn.startFailover();
    private static LiveHook hook;
    private static URI callbackUrl;

    /** The failover account's settings, as its TWILIO_FAILOVER_* variables give them. */
    static Map<String, String> failoverAccount(TwilioStandIn failover) {
        return Map.of("twilio.failover.account-sid", TwilioStandIn.FAILOVER_ACCOUNT_SID,
                "twilio.failover.auth-token", TwilioStandIn.FAILOVER_AUTH_TOKEN,
                "twilio.failover.api-url", failover.url().toString(),
                "twilio.failover.from-number", "+15017122662");
    }

    @BeforeAll
    static void start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> settings = new HashMap<>(failoverAccount(failover));
        settings.put("server.port", String.valueOf(port));
        settings.put("hook.public-url", "http://127.0.0.1:" + port);
        hook = LiveHook.start(primary, settings);
        callbackUrl = URI.create("http://127.0.0.1:" + port + "/twilio/status");
    }

    @AfterAll
    static void stop() {
        hook.close();
    }

    @BeforeEach
    void fresh() {
        primary.reset();
        failover.reset();
        CamelContext camel = hook.bean(CamelContext.class);
        HookRoutes.BREAKERS.forEach(id -> camel.getProcessor(id, ResilienceProcessor.class).getCircuitBreaker().reset());
    }

    @ParameterizedTest(name = "primary answers {0} ({1})")
    @CsvSource({"500, 20500", "503, 20503", "429, 20429", "401, 20003", "400, 21606", "400, 21212"})
    void whenThePrimaryDidNotTakeTheCodeTheFailoverSendsItOnce(int status, int twilioCode) {
        primary.failWith(status, twilioCode);

        Answer answer = hook.okta().post(OktaRequest.sms());

        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(answer.metadata()).isEqualTo("twilioStatus=queued; account=failover");
        assertThat(failover.acceptedSids()).containsExactly(answer.action().path("transactionId").asText());
        assertThat(failover.received().get(0).field("From")).isEqualTo("+15017122662");
        assertThat(failover.received().get(0).field("Body")).contains(OktaRequest.OTP);
        assertThat(answer.took()).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aVoiceCallFailsOverToo() {
        primary.failWith(500, 20500);

        Answer answer = hook.okta().post(OktaRequest.voice());

        assertThat(answer.metadata()).isEqualTo("twilioStatus=queued; account=failover");
        assertThat(failover.received()).singleElement().satisfies(call -> assertThat(call.path()).endsWith("/Calls.json"));
    }

    /** Twilio may have taken it: no failover, whatever time is left. */
    @Test
    void aPrimaryThatDoesNotAnswerByTheDeadlineIsFailedAndNotFailedOver() {
        primary.script(request -> Reply.hang());

        Answer answer = hook.okta().post(OktaRequest.sms());

        assertThat(answer.actionStatus()).isEqualTo("FAILED");
        assertThat(answer.metadata()).isEqualTo("reason=deadline");
        assertThat(answer.took()).isLessThan(Duration.ofSeconds(3));
        assertThat(failover.received()).isEmpty();
    }

    @Test
    void aConnectionDroppedMidAnswerIsFailedAndNotFailedOver() {
        primary.script(request -> Reply.dropConnection());

        Answer answer = hook.okta().post(OktaRequest.sms());

        assertThat(answer.actionStatus()).isEqualTo("FAILED");
        assertThat(failover.received()).isEmpty();
    }

    @ParameterizedTest(name = "primary rejects the message with {0}")
    @CsvSource({"21211", "21614", "21408", "21610"})
    void aRejectedNumberOrMessageIsNotFailedOver(int twilioCode) {
        primary.failWith(400, twilioCode);

        Answer answer = hook.okta().post(OktaRequest.sms());

        assertThat(answer.metadata()).isEqualTo("reason=twilio-rejected; twilioError=" + twilioCode + "; httpStatus=400");
        assertThat(failover.received()).isEmpty();
    }

    @Test
    void anOpenPrimaryBreakerSendsThroughTheFailoverAtOnce() {
        hook.bean(CamelContext.class).getProcessor(HookRoutes.SMS_BREAKER, ResilienceProcessor.class)
                .getCircuitBreaker().transitionToOpenState();

        Answer answer = hook.okta().post(OktaRequest.sms());

        assertThat(answer.metadata()).isEqualTo("twilioStatus=queued; account=failover");
        assertThat(primary.received()).as("the primary is not tried").isEmpty();
        assertThat(failover.received()).hasSize(1);
    }

    @Test
    void bothAccountsDownIsFailedInsideOktasThreeSeconds() {
        primary.failWith(500, 20500);
        failover.failWith(503, 20503);

        Answer answer = hook.okta().post(OktaRequest.sms());

        assertThat(answer.actionStatus()).isEqualTo("FAILED");
        assertThat(answer.metadata()).startsWith("reason=twilio-unavailable");
        assertThat(answer.took()).isLessThan(Duration.ofSeconds(3));
    }

    /** Okta's retries, all at once, while the primary fails: one code from the failover, twenty identical answers. */
    @Test
    void twentyCopiesOfOneEventIdGiveOneCode() {
        primary.failWith(500, 20500);
        failover.answerAfter(Duration.ofMillis(300));
        OktaRequest request = OktaRequest.sms().eventId("failover-twenty");
        ExecutorService okta = Executors.newFixedThreadPool(20);
        try {
            List<Answer> answers = IntStream.range(0, 20)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> hook.okta().post(request), okta)).toList()
                    .stream().map(CompletableFuture::join).toList();

            assertThat(failover.received()).hasSize(1);
            assertThat(answers).extracting(answer -> answer.action().toString()).containsOnly(
                    answers.get(0).action().toString());
            assertThat(answers.get(0).metadata()).isEqualTo("twilioStatus=queued; account=failover");
        } finally {
            okta.shutdownNow();
        }
    }

    @Test
    void statusReportsOfAFailoverMessageAreCheckedWithTheFailoverAccountsToken() {
        primary.failWith(500, 20500);
        String sid = hook.okta().post(OktaRequest.sms()).action().path("transactionId").asText();
        assertThat(failover.received().get(0).field("StatusCallback")).isEqualTo(callbackUrl.toString());

        Map<String, String> asFailover = new HashMap<>(TwilioCallback.smsStatus(sid, "delivered", null));
        asFailover.put("AccountSid", TwilioStandIn.FAILOVER_ACCOUNT_SID);
        HttpResponse<String> signedByFailover = TwilioCallback.post(callbackUrl, asFailover,
                TwilioCallback.signature(TwilioStandIn.FAILOVER_AUTH_TOKEN, callbackUrl.toString(), asFailover));
        HttpResponse<String> signedByPrimary = TwilioCallback.postSigned(callbackUrl,
                TwilioCallback.smsStatus(sid, "undelivered", 30003));

        assertThat(signedByFailover.statusCode()).as(signedByFailover.body()).isEqualTo(200);
        assertThat(signedByPrimary.statusCode()).as(signedByPrimary.body()).isEqualTo(403);
    }

    @Test
    void failoversAndEachAccountsRequestsAreCounted() {
        primary.failWith(500, 20500);
        hook.okta().post(OktaRequest.sms());

        MeterRegistry meters = hook.bean(MeterRegistry.class);
        assertThat(meters.get("telephony.hook.failovers").tags("channel", "sms", "cause", "twilio-5xx",
                "outcome", "tried").counter().count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("telephony.hook.twilio.request.duration").tags("account", "failover", "channel", "sms",
                "result", "201").timer().count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("telephony.hook.twilio.request.duration").tags("account", "primary", "channel", "sms",
                "result", "500").timer().count()).isGreaterThanOrEqualTo(1);
    }
}
