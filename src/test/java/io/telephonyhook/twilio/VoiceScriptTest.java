package io.telephonyhook.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Pause;
import com.twilio.twiml.voice.Say;

/** The script the hook writes itself is, byte for byte, the TwiML the Twilio SDK writes for the same call. */
class VoiceScriptTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en-US | EN_US | Your verification code is | Once again, your code is",
            "fr-CA | FR_CA | Votre code de vérification est | Je répète, votre code est",
            "de-AT | DE_AT | Ihr Bestätigungscode lautet | Noch einmal, Ihr Code lautet"})
    void isWhatTheSdkWrites(String locale, Say.Language language, String intro, String again) {
        String digits = "4. 8. 2. 9. 1. 3.";
        String sdk = new VoiceResponse.Builder()
                .pause(new Pause.Builder().length(1).build())
                .say(new Say.Builder(intro + " " + digits).language(language).build())
                .pause(new Pause.Builder().length(1).build())
                .say(new Say.Builder(again + " " + digits).language(language).build())
                .build().toXml();

        VoiceScript script = new VoiceScript();
        assertThat(script.forCode("482913", Locale.forLanguageTag(locale)).toString()).isEqualTo(sdk);
        assertThat(script.forCode("482913", Locale.forLanguageTag(locale)).toString()).isEqualTo(sdk); // made once
    }
}
