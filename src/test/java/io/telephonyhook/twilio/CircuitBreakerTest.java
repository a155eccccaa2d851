package io.telephonyhook.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.context.TestPropertySource;

import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.TwilioStandIn;

/**
 * The breaker per channel: it opens on provider faults after the configured number of calls, answers in
 * milliseconds without touching Twilio while open, and closes again by itself once Twilio is healthy. Runs with the
 * shipped thresholds except the open state's wait, shortened from 30 s to 1 s (so in a context of its own).
 */
@TestPropertySource(properties = "hook.breaker.open-seconds=1")
class CircuitBreakerTest extends HookTestSupport {

    private static final int MINIMUM_NUMBER_OF_CALLS = 10; // routes/twilio-delivery.camel.yaml

    @Test
    void opensOnServerErrorsAnswersFastWhileOpenAndRecovers() throws Exception {
        twilio.failWith(500, 20500);
        for (int call = 1; call < MINIMUM_NUMBER_OF_CALLS; call++) {
            assertThat(okta.post(OktaRequest.sms()).metadata()).startsWith("reason=twilio-unavailable");
            assertThat(state("telephony-hook-twilio-sms")).isEqualTo("CLOSED");
        }
        okta.post(OktaRequest.sms());
        assertThat(state("telephony-hook-twilio-sms")).isEqualTo("OPEN");
        assertThat(state("telephony-hook-twilio-voice")).isEqualTo("CLOSED"); // the other channel is not affected

        int requestsWhenOpened = twilio.received().size();
        List<Long> millis = new ArrayList<>();
        for (int call = 0; call < 21; call++) {
            Answer answer = okta.post(OktaRequest.sms());
            assertThat(answer.actionStatus()).isEqualTo("FAILED");
            assertThat(answer.metadata()).isEqualTo("reason=circuit-open");
            millis.add(answer.took().toMillis());
        }
        Collections.sort(millis);
        // Twilio is not tried (the stand-in sees nothing), and the answers come at once: the margins are from Okta's
        // 3 s and the hook's deadline, not from this machine's speed, so a loaded CI machine does not fail them.
        assertThat(twilio.received()).hasSize(requestsWhenOpened);
        assertThat(millis.get(millis.size() / 2)).as("median ms, of %s", millis).isLessThan(250);
        assertThat(millis.get(millis.size() - 1)).as("slowest ms").isLessThan(1000);

        twilio.reset(); // Twilio is healthy again
        Instant giveUp = Instant.now().plusSeconds(5);
        Answer answer = okta.post(OktaRequest.sms());
        while (!answer.actionStatus().equals("SUCCESSFUL") && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
            answer = okta.post(OktaRequest.sms());
        }
        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        for (int probe = 0; probe < 3; probe++) {
            assertThat(okta.post(OktaRequest.sms()).actionStatus()).isEqualTo("SUCCESSFUL");
        }
        assertThat(state("telephony-hook-twilio-sms")).isEqualTo("CLOSED");
    }

    @Test
    void aHangingTwilioOpensTheBreakerToo() throws InterruptedException {
        twilio.script(request -> TwilioStandIn.Reply.hang());
        for (int call = 0; call < MINIMUM_NUMBER_OF_CALLS; call++) {
            new Thread(() -> okta.post(OktaRequest.voice())).start();
        }
        Instant giveUp = Instant.now().plusSeconds(10);
        while (!state("telephony-hook-twilio-voice").equals("OPEN") && Instant.now().isBefore(giveUp)) {
            Thread.sleep(20);
        }
        assertThat(state("telephony-hook-twilio-voice")).isEqualTo("OPEN");
        assertThat(okta.post(OktaRequest.voice()).metadata()).isEqualTo("reason=circuit-open");
    }

    /** Rate limiting and our credentials, account or API URL being wrong are outages for every user: they open it. */
    @ParameterizedTest
    @CsvSource({"429, 20429", "401, 20003", "403, 20005", "404, 20404"})
    void providerFaultsOpenIt(int status, int twilioCode) {
        twilio.failWith(status, twilioCode);
        for (int call = 0; call < MINIMUM_NUMBER_OF_CALLS; call++) {
            assertThat(okta.post(OktaRequest.sms()).metadata()).startsWith("reason=twilio-unavailable");
        }
        assertThat(state("telephony-hook-twilio-sms")).isEqualTo("OPEN");
        assertThat(okta.post(OktaRequest.sms()).metadata()).isEqualTo("reason=circuit-open");
    }

    @Test
    void rejectionsNeverOpenIt() {
        twilio.failWith(400, 21211);
        for (int call = 0; call < 2 * MINIMUM_NUMBER_OF_CALLS; call++) {
            assertThat(okta.post(OktaRequest.sms()).metadata()).startsWith("reason=twilio-rejected");
        }
        assertThat(state("telephony-hook-twilio-sms")).isEqualTo("CLOSED");
    }

    private String state(String id) {
        return breaker(id).getCircuitBreakerState();
    }
}
