package io.telephonyhook.pumping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.telephonyhook.support.LiveHook;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.TwilioStandIn;

/**
 * SMS pumping refused before Twilio: a country outside the allowlist, a number over its limit, a country over its
 * limit, each answered FAILED with its reason, logged and counted, and nothing sent; back under after the window.
 */
@ExtendWith(OutputCaptureExtension.class)
class PumpingGuardTest {

    private static final TwilioStandIn twilio = TwilioStandIn.start();
    private static LiveHook hook;

    @BeforeAll
    static void start() {
        hook = LiveHook.start(twilio, Map.of(
                "hook.allowed-countries", "us, GB,DE,CA",
                // each test its own country, so that the per-country limit only bites where it is tested (DE)
                "hook.rate-limit.per-number", "2/2s",
                "hook.rate-limit.per-country", "5/2s"));
    }

    @AfterAll
    static void stop() {
        hook.close();
    }

    @BeforeEach
    void freshStandIn() {
        twilio.reset();
    }

    @Test
    void aNumberInACountryOutsideTheAllowlistIsRefusedAndNothingIsSent(CapturedOutput output) {
        double before = calls("country_not_allowed");

        Answer france = hook.okta().post(OktaRequest.sms().phone("+33612345678"));
        Answer unitedStates = hook.okta().post(OktaRequest.sms().phone("+14155552671"));

        assertThat(france.actionStatus()).isEqualTo("FAILED");
        assertThat(france.metadata()).isEqualTo("reason=country-not-allowed");
        assertThat(unitedStates.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(twilio.received()).singleElement()
                .satisfies(sent -> assertThat(sent.field("To")).isEqualTo("+14155552671"));
        assertThat(calls("country_not_allowed")).isEqualTo(before + 1);
        assertThat(output).contains("reason=country-not-allowed rule=\"country-allowlist\" to=+33")
                .contains("country=FR").doesNotContain("+33612345678");
    }

    @Test
    void aNumberOverItsLimitIsRefusedUntilItsWindowHasPassed(CapturedOutput output) throws InterruptedException {
        String number = "+447400123456";
        double before = calls("rate_limited");

        Answer first = hook.okta().post(OktaRequest.sms().phone(number));
        Answer second = hook.okta().post(OktaRequest.voice().phone(number));
        Answer third = hook.okta().post(OktaRequest.sms().phone(number));
        Answer anotherNumber = hook.okta().post(OktaRequest.sms().phone("+447400123457"));

        assertThat(first.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(second.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(third.actionStatus()).isEqualTo("FAILED");
        assertThat(third.metadata()).isEqualTo("reason=rate-limited");
        assertThat(anotherNumber.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(twilio.received()).hasSize(3);
        assertThat(calls("rate_limited")).isEqualTo(before + 1);
        assertThat(output).contains("rule=\"per-number 2/PT2S\"").doesNotContain(number);

        Thread.sleep(2100);
        assertThat(hook.okta().post(OktaRequest.sms().phone(number)).actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(twilio.received()).hasSize(4);
    }

    @Test
    void aCountryOverItsLimitIsRefusedForEveryNumberUntilItsWindowHasPassed() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            assertThat(hook.okta().post(OktaRequest.sms().phone("+4915123456" + (780 + i))).actionStatus())
                    .isEqualTo("SUCCESSFUL");
        }

        Answer sixth = hook.okta().post(OktaRequest.sms().phone("+4915123456790"));

        assertThat(sixth.actionStatus()).isEqualTo("FAILED");
        assertThat(sixth.metadata()).isEqualTo("reason=rate-limited");
        assertThat(twilio.received()).hasSize(5);

        Thread.sleep(2100);
        assertThat(hook.okta().post(OktaRequest.sms().phone("+4915123456790")).actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(twilio.received()).hasSize(6);
    }

    @Test
    void repeatsOfAnEventIdDoNotCountAgainstTheLimit() {
        OktaRequest request = OktaRequest.sms().phone("+16045550123").eventId("repeated-within-limit");
        for (int i = 0; i < 3; i++) {
            assertThat(hook.okta().post(request).actionStatus()).isEqualTo("SUCCESSFUL");
        }

        Answer secondCode = hook.okta().post(OktaRequest.sms().phone("+16045550123"));

        assertThat(secondCode.actionStatus()).isEqualTo("SUCCESSFUL"); // the limit is 2: the repeats were not counted
        assertThat(twilio.received()).hasSize(2);
    }

    private static double calls(String reason) {
        Counter counter = hook.bean(MeterRegistry.class).find("telephony.hook.calls").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
