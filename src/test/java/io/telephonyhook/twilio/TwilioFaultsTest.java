package io.telephonyhook.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.TwilioStandIn.Reply;

/**
 * Twilio failing is FAILED, answered inside the call's deadline (HOOK_DEADLINE, 2500 ms), so Okta can still send
 * the code itself; and one code is never sent twice.
 */
class TwilioFaultsTest extends HookTestSupport {

    private static final Duration DEADLINE = Duration.ofMillis(2500);
    private static final Duration LATE = DEADLINE.plusMillis(100);

    @Test
    void serviceUnavailableIsRetriedOnceThenFailed() {
        twilio.failWith(503, 20503);

        Answer answer = okta.post(OktaRequest.sms());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.actionStatus()).isEqualTo("FAILED");
        assertThat(answer.metadata()).isEqualTo("reason=twilio-unavailable; twilioError=20503; httpStatus=503");
        assertThat(twilio.received()).hasSize(2); // ours, not the SDK's three
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 504})
    void otherServerErrorsAreNotRetriedBecauseTwilioMayHaveSentIt(int status) {
        twilio.failWith(status, 20500);

        Answer answer = okta.post(OktaRequest.sms());

        assertThat(answer.metadata()).isEqualTo("reason=twilio-unavailable; twilioError=20500; httpStatus=" + status);
        assertThat(twilio.received()).hasSize(1);
    }

    @Test
    void anAcceptanceWithAnUnreadableBodyIsStillSuccessful() {
        twilio.script(request -> Reply.acceptWithBody("<html>gateway says hi</html>"));

        Answer answer = okta.post(OktaRequest.sms());

        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(answer.action().has("transactionId")).isFalse();
        assertThat(answer.metadata()).isEqualTo("twilioStatus=unknown");
        assertThat(twilio.acceptedSids()).hasSize(1);
    }

    /** Cut off mid-object: not a resource the SDK could read, so not a failure a failover would send again. */
    @Test
    void anAcceptanceWithACutOffBodyIsStillSuccessfulAndSentOnce() {
        twilio.script(request -> Reply.acceptWithBody("{\"sid\": \"SM0123456789abcdef0123456789abcdef\", \"status\": "));

        Answer answer = okta.post(OktaRequest.sms());

        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(answer.metadata()).isEqualTo("twilioStatus=unknown");
        assertThat(twilio.received()).hasSize(1);
    }

    @Test
    void anAcceptanceWithoutASidIsStillSuccessful() {
        twilio.script(request -> Reply.acceptWithBody("{\"status\": \"queued\"}"));

        Answer answer = okta.post(OktaRequest.voice());

        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(answer.metadata()).isEqualTo("twilioStatus=queued");
    }

    @Test
    void aServerErrorFollowedBySuccessIsOneMessage() {
        AtomicInteger requests = new AtomicInteger();
        twilio.script(request -> requests.incrementAndGet() == 1 ? Reply.error(503, 20503) : Reply.accept());

        Answer answer = okta.post(OktaRequest.sms());

        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(twilio.acceptedSids()).containsExactly(answer.action().path("transactionId").asText());
    }

    @Test
    void rateLimitingIsRetriedOnceAndIsAnOutageNotARejection() {
        twilio.failWith(429, 20429);

        Answer answer = okta.post(OktaRequest.voice());

        assertThat(answer.metadata()).isEqualTo("reason=twilio-unavailable; twilioError=20429; httpStatus=429");
        assertThat(twilio.received()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 404})
    void wrongCredentialsOrAccountAreAnOutageAndNotRetried(int status) {
        twilio.failWith(status, 20003);

        Answer answer = okta.post(OktaRequest.sms());

        assertThat(answer.metadata()).isEqualTo("reason=twilio-unavailable; twilioError=20003; httpStatus=" + status);
        assertThat(twilio.received()).hasSize(1);
    }

    @Test
    void aHangingTwilioIsAnsweredAtTheDeadline() {
        twilio.script(request -> Reply.hang());

        Answer answer = okta.post(OktaRequest.sms());

        assertThat(answer.actionStatus()).isEqualTo("FAILED");
        assertThat(answer.metadata()).isEqualTo("reason=deadline");
        assertThat(answer.took()).isBetween(DEADLINE.minusMillis(200), LATE);
        assertThat(twilio.received()).hasSize(1); // a request that may have been seen is never repeated
    }

    @Test
    void aSlowButTimelyTwilioStillDelivers() {
        twilio.answerAfter(Duration.ofSeconds(2));

        Answer answer = okta.post(OktaRequest.sms());

        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(answer.took()).isBetween(Duration.ofSeconds(2), LATE);
    }

    @Test
    void aDroppedConnectionIsFailedAndNotRetried() {
        twilio.script(request -> Reply.dropConnection());

        Answer answer = okta.post(OktaRequest.sms());

        assertThat(answer.actionStatus()).isEqualTo("FAILED");
        assertThat(answer.metadata()).isEqualTo("reason=twilio-unavailable");
        assertThat(twilio.received()).hasSize(1); // Twilio may have sent it: a second try could send two codes
    }

    @Test
    void noRetryWhenTheDeadlineLeavesNoTimeForIt() {
        twilio.script(request -> Reply.errorAfter(503, 20503, Duration.ofMillis(2100)));

        Answer answer = okta.post(OktaRequest.sms());

        assertThat(answer.metadata()).startsWith("reason=twilio-unavailable");
        assertThat(answer.took()).isLessThan(LATE);
        assertThat(twilio.received()).hasSize(1);
    }
}
