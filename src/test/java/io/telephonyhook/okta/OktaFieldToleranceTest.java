package io.telephonyhook.okta;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;

/** Okta is loose about field types and spellings; the hook reads what real Okta payloads contain. */
class OktaFieldToleranceTest extends HookTestSupport {

    @Test
    void codeAndNumberAsJsonNumbers() {
        Answer answer = okta.post(OktaRequest.sms().phoneAsNumber(14155552671L).otpAsNumber(482913));

        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(twilio.received().get(0).field("To")).isEqualTo("+14155552671");
        assertThat(twilio.received().get(0).field("Body")).contains("482913");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+14155552671", "14155552671", "4155552671", "(415) 555-2671", "+1 415-555-2671"})
    void numbersAreNormalisedToE164(String phoneNumber) {
        okta.post(OktaRequest.sms().phone(phoneNumber));

        assertThat(twilio.received().get(0).field("To")).isEqualTo("+14155552671");
    }

    @Test
    void aNumberFromAnotherCountryKeepsItsCountryCode() {
        okta.post(OktaRequest.sms().phone("+44 7911 123456"));

        assertThat(twilio.received().get(0).field("To")).isEqualTo("+447911123456");
    }

    /** Case, surrounding and repeated whitespace, and full-width letters (NFKC) do not change a spelling. */
    @ParameterizedTest
    @ValueSource(strings = {"SMS", "sms", "Sms", " Sms ", "text", "ＳＭＳ"})
    void smsSpellings(String deliveryChannel) {
        Answer answer = okta.post(OktaRequest.sms().channel(deliveryChannel));

        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(twilio.received()).singleElement()
                .satisfies(request -> assertThat(request.path()).endsWith("/Messages.json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CALL", "Voice", "voice", "voice call", "Voice  Call", "voice\ncall"})
    void voiceSpellings(String deliveryChannel) {
        Answer answer = okta.post(OktaRequest.sms().channel(deliveryChannel));

        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(twilio.received()).singleElement()
                .satisfies(request -> assertThat(request.path()).endsWith("/Calls.json"));
    }

    @Test
    void requestTypeMayBeAbsent() {
        Answer answer = okta.post(OktaRequest.sms().withoutRequestType());

        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
    }

    @Test
    void aCodeWithoutAnExpiryIsStillSentWithoutAValidityPeriod() {
        okta.post(OktaRequest.sms().withoutProfileField("otpExpires"));

        assertThat(twilio.received().get(0).form()).doesNotContainKey("ValidityPeriod");
    }

    @Test
    void anUnknownChannelIsRefusedWithoutGuessing() {
        Answer answer = okta.post(OktaRequest.sms().channel("carrier pigeon"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.actionStatus()).isEqualTo("FAILED");
        assertThat(answer.metadata()).isEqualTo("reason=unknown-channel");
        assertThat(twilio.received()).isEmpty();
    }

    @Test
    void aMissingChannelIsAnUnknownChannel() {
        Answer answer = okta.post(OktaRequest.sms().withoutProfileField("deliveryChannel"));

        assertThat(answer.metadata()).isEqualTo("reason=unknown-channel");
        assertThat(twilio.received()).isEmpty();
    }
}
