package io.telephonyhook.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Pause;
import com.twilio.twiml.voice.Say;

import io.telephonyhook.wording.LocaleWording;
import io.telephonyhook.wording.VoiceWords;
import io.telephonyhook.wording.WordingByLocale;

/** The script the hook writes itself is, byte for byte, the TwiML the Twilio SDK writes for the same call. */
class VoiceScriptTest {

    /** Words with every character XML cares about, as a wording file may hold them. */
    private static final VoiceWords FILE_WORDS = new VoiceWords("Code <ACME> & \"Co\" d'accès :", "Encore & encore, <code>");

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

    /**
     * The wording file's words go through the same TwiML, escaped as the SDK escapes them, in the locale's variant
     * when Twilio speaks it, else the language's usual one, else (a language Twilio does not speak) US English.
     */
    @ParameterizedTest
    @CsvSource({"fr-FR, FR_FR", "fr-CA, FR_CA", "fr, FR_FR", "sv-SE, SV_SE", "sv, SV_SE", "sv-FI, SV_SE", "en-GB, EN_GB",
            "xh-ZA, EN_US"})
    void theWordingFilesWordsAreWhatTheSdkWrites(String locale, Say.Language language) {
        WordingByLocale wording = new WordingByLocale(Map.of(
                "fr", new LocaleWording(null, FILE_WORDS), "sv", new LocaleWording(null, FILE_WORDS),
                "en", new LocaleWording(null, FILE_WORDS), "xh", new LocaleWording(null, FILE_WORDS)));
        String digits = "4. 8. 2. 9. 1. 3.";
        String sdk = new VoiceResponse.Builder()
                .pause(new Pause.Builder().length(1).build())
                .say(new Say.Builder(FILE_WORDS.intro() + " " + digits).language(language).build())
                .pause(new Pause.Builder().length(1).build())
                .say(new Say.Builder(FILE_WORDS.again() + " " + digits).language(language).build())
                .build().toXml();

        VoiceScript script = new VoiceScript(wording);
        assertThat(script.forCode("482913", Locale.forLanguageTag(locale)).toString()).isEqualTo(sdk);
        assertThat(script.forCode("482913", Locale.forLanguageTag(locale)).toString()).isEqualTo(sdk); // made once
    }

    @Test
    void localesTheFileDoesNotCoverKeepTheBuiltInWords() {
        VoiceScript script = new VoiceScript(new WordingByLocale(Map.of("fr-CA", new LocaleWording(null, FILE_WORDS))));

        assertThat(script.forCode("482913", Locale.forLanguageTag("fr-FR")).toString())
                .contains("<Say language=\"fr-FR\">Votre code de vérification est 4. 8. 2. 9. 1. 3.</Say>");
        assertThat(script.forCode("482913", Locale.forLanguageTag("de-DE")).toString())
                .contains("<Say language=\"de-DE\">Ihr Bestätigungscode lautet 4.");
        assertThat(script.forCode("482913", null).toString())
                .contains("<Say language=\"en-US\">Your verification code is 4.");
        assertThat(script.forCode("482913", Locale.forLanguageTag("fr-CA")).toString())
                .contains("<Say language=\"fr-CA\">Code &lt;ACME&gt; &amp; \"Co\" d'accès : 4.");
    }
}
