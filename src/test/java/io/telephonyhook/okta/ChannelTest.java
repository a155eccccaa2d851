package io.telephonyhook.okta;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelTest {

    @ParameterizedTest
    @CsvSource({
            "SMS, SMS", "sms, SMS", "' Sms ', SMS", "text, SMS", "TEXT, SMS", "'\tsms\n', SMS",
            "CALL, VOICE", "call, VOICE", "voice, VOICE", "Voice, VOICE", "VOICE, VOICE",
            "voice call, VOICE", "Voice  Call, VOICE", "'voice\tcall', VOICE", "' VOICE CALL ', VOICE"})
    void readsOktasSpellings(String deliveryChannel, Channel expected) {
        assertThat(Channel.fromDeliveryChannel(deliveryChannel)).isEqualTo(expected);
    }

    /** NFKC folds compatibility forms into the ASCII they stand for. */
    @ParameterizedTest
    @CsvSource({"ＳＭＳ, SMS", "ｖｏｉｃｅ ｃａｌｌ, VOICE", "'voice\u3000call', VOICE", "'\u00a0sms\u00a0', SMS"})
    void compatibilityFormsAreFoldedFirst(String deliveryChannel, Channel expected) {
        assertThat(Channel.fromDeliveryChannel(deliveryChannel)).isEqualTo(expected);
    }

    /** A channel is a whole spelling: a value that merely contains one is not guessed at. */
    @ParameterizedTest
    @ValueSource(strings = {
            "callback please SMS", "no-sms-voice", "smsvoice", "s m s", "VOICE CALL NOW", "voicecall", "VOICE_CALL",
            "sms voice", "text message", "call me", "email", "push", "carrier pigeon", "sms.", "-sms", "SMS\u0000"})
    void anythingElseIsUnknown(String deliveryChannel) {
        assertThat(Channel.fromDeliveryChannel(deliveryChannel)).isEqualTo(Channel.UNKNOWN);
    }

    /** Characters that survive NFKC as non-ASCII are look-alikes or hidden, never part of a spelling. */
    @ParameterizedTest
    @ValueSource(strings = {
            "voİce", "voıce", "Sms\u200b", "\u200bsms", "\u202eSMS", "S\u0301MS", "ѕms", "sms✓", "sms\u00ad"})
    void nonAsciiAfterFoldingIsUnknown(String deliveryChannel) {
        assertThat(Channel.fromDeliveryChannel(deliveryChannel)).isEqualTo(Channel.UNKNOWN);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void nothingIsUnknown(String deliveryChannel) {
        assertThat(Channel.fromDeliveryChannel(deliveryChannel)).isEqualTo(Channel.UNKNOWN);
    }
}
