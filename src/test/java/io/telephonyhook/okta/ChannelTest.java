package io.telephonyhook.okta;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "SMS, SMS", "sms, SMS", " Sms , SMS", "text, SMS",
            "CALL, VOICE", "voice call, VOICE", "Voice, VOICE", "voice, VOICE", "VOICE_CALL, VOICE",
            "email, UNKNOWN", "'', UNKNOWN", "NULL, UNKNOWN", "push, UNKNOWN"})
    void readsOktasSpellings(String deliveryChannel, Channel expected) {
        assertThat(Channel.fromDeliveryChannel(deliveryChannel)).isEqualTo(expected);
    }
}
