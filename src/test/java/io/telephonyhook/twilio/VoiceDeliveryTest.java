package io.telephonyhook.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.TwilioStandIn.Received;

class VoiceDeliveryTest extends HookTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {"voice call", "Voice", "voice", "VOICE", "CALL", "call", "Voice Call"})
    void everyVoiceSpellingOktaUsesPlacesACall(String deliveryChannel) {
        Answer answer = okta.post(OktaRequest.voice().channel(deliveryChannel));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(answer.action().path("transactionId").asText()).startsWith("CA");
        assertThat(twilio.received()).singleElement()
                .satisfies(call -> assertThat(call.path()).endsWith("/Calls.json"));
    }

    @Test
    void theCallReadsTheCodeDigitByDigitTwiceFromInlineTwiml() {
        okta.post(OktaRequest.voice());

        Received call = twilio.received().get(0);
        assertThat(call.field("To")).isEqualTo("+14155552671");
        assertThat(call.field("From")).isEqualTo("+15017122661");
        assertThat(call.field("Url")).isNull();
        String twiml = call.field("Twiml");
        assertThat(twiml).startsWith("<?xml").contains("<Response>").contains("<Pause");
        assertThat(twiml.split("4\\. 8\\. 2\\. 9\\. 1\\. 3\\.", -1)).hasSize(3); // said exactly twice
        assertThat(twiml).doesNotContain("482913");
    }

    @Test
    void eachCallReadsItsOwnCodeInTheSameLanguage() {
        okta.post(OktaRequest.voice().otp("482913").locale("de-DE"));
        okta.post(OktaRequest.voice().otp("105377").locale("de-DE"));

        assertThat(twilio.received().get(0).field("Twiml")).contains("4. 8. 2. 9. 1. 3.").doesNotContain("1. 0. 5.");
        assertThat(twilio.received().get(1).field("Twiml")).contains("Ihr Bestätigungscode lautet 1. 0. 5. 3. 7. 7.")
                .doesNotContain("4. 8. 2.");
    }

    @ParameterizedTest
    @CsvSource({
            "en-US, en-US", "EN-US, en-US", "en, en-US", "en-GB, en-GB",
            "fr, fr-FR", "fr-CA, fr-CA", "de-DE, de-DE", "de-AT, de-AT", "es, es-ES", "pt-BR, pt-BR",
            "pt-PT, pt-PT", "nl, nl-NL", "it-IT, it-IT",
            "ja-JP, en-US", "xx, en-US", "'', en-US"})
    void theCallSpeaksTheUsersLanguageWhereItHasTheWords(String locale, String sayLanguage) {
        okta.post(OktaRequest.voice().locale(locale));

        assertThat(twilio.received().get(0).field("Twiml")).contains("language=\"" + sayLanguage + "\"");
    }

    @Test
    void frenchUsersHearFrench() {
        okta.post(OktaRequest.voice().locale("fr-FR"));

        assertThat(twilio.received().get(0).field("Twiml")).contains("Votre code de vérification est 4. 8. 2.");
    }

    @Test
    void theCallHasATimeLimit() {
        okta.post(OktaRequest.voice());

        assertThat(twilio.received().get(0).field("TimeLimit")).isEqualTo("60");
    }
}
