package io.telephonyhook.wording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.telephonyhook.config.InvalidSettingsException;

/**
 * HOOK_WORDING_FILE: the most specific locale wins, part by part; every mistake is refused in one line naming the
 * file and the line.
 */
class WordingFileTest {

    @TempDir
    Path folder;

    @Test
    void theMostSpecificLocaleThatHasAPartGivesIt() throws IOException {
        WordingByLocale wording = WordingFile.read(file("""
                fr:
                  sms: "Votre code de vérification est {code}"   # {code} is required
                  voice: "Votre code de vérification est"        # said before the digits
                  voiceAgain: "Je répète, votre code est"         # said before the digits the second time
                fr-CA:
                  sms: "Votre code est {code}"
                SV:
                  sms: "Din kod är {code}"
                  voice: Din kod är
                  voiceAgain: Jag upprepar, din kod är
                pt-br:
                  sms: "Seu código é {code}"
                """));

        assertThat(wording.smsTemplate(Locale.forLanguageTag("fr-FR"))).isEqualTo("Votre code de vérification est {code}");
        assertThat(wording.smsTemplate(Locale.forLanguageTag("fr"))).isEqualTo("Votre code de vérification est {code}");
        assertThat(wording.smsTemplate(Locale.forLanguageTag("fr-CA"))).isEqualTo("Votre code est {code}");
        assertThat(wording.voiceWords(Locale.forLanguageTag("fr-CA"))).as("fr-CA has no voice words: fr's")
                .isEqualTo(new VoiceWords("Votre code de vérification est", "Je répète, votre code est"));
        assertThat(wording.smsTemplate(Locale.forLanguageTag("sv-SE"))).as("tags in any case").isEqualTo("Din kod är {code}");
        assertThat(wording.voiceWords(Locale.forLanguageTag("sv"))).isEqualTo(new VoiceWords("Din kod är", "Jag upprepar, din kod är"));
        assertThat(wording.smsTemplate(Locale.forLanguageTag("pt-BR"))).isEqualTo("Seu código é {code}");
        assertThat(wording.smsTemplate(Locale.forLanguageTag("pt-PT"))).as("pt-BR is not pt").isNull();
        assertThat(wording.smsTemplate(Locale.forLanguageTag("de-DE"))).isNull();
        assertThat(wording.voiceWords(Locale.forLanguageTag("xx-YY"))).isNull();
        assertThat(wording.smsTemplate(null)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "an SMS without the code         | fr:\\n  sms: Votre code est prêt                     | 2 | sms under 'fr' has no {code}: the text must say where the code goes",
            "an SMS with {CODE}              | fr:\\n  sms: 'Votre code est {CODE}'                 | 2 | sms under 'fr' has no {code}",
            "an underscore in the tag        | fr:\\n  sms: '{code}'\\nfr_CA:\\n  sms: '{code}'      | 3 | 'fr_CA' is not a locale tag: write a language (fr) or a language and region (fr-CA)",
            "a language name                 | french:\\n  sms: '{code}'                            | 1 | 'french' is not a locale tag",
            "a language not ISO 639          | xx:\\n  sms: '{code}'                                | 1 | 'xx' is not a locale tag: 'xx' is not an ISO 639 language code",
            "a region not ISO 3166           | fr-XX:\\n  sms: '{code}'                             | 1 | 'fr-XX' is not a locale tag: 'XX' is not an ISO 3166 country code",
            "a script in the tag             | zh-Hant-TW:\\n  sms: '{code}'                        | 1 | 'zh-Hant-TW' is not a locale tag",
            "a locale twice                  | fr:\\n  sms: '{code}'\\nFR:\\n  sms: '{code}'         | 3 | 'FR' is listed twice (first on line 1)",
            "an unknown key                  | fr:\\n  email: '{code}'                              | 2 | unknown key 'email' under 'fr' (expected sms, voice, voiceAgain)",
            "voice without voiceAgain        | sv:\\n  voice: Din kod är                            | 2 | 'sv' has voice without voiceAgain: a call says both, so give both",
            "voiceAgain without voice        | sv:\\n  sms: '{code}'\\n  voiceAgain: Din kod är     | 3 | 'sv' has voiceAgain without voice",
            "a number                        | fr:\\n  sms: 482913                                  | 2 | sms under 'fr' is not text to YAML",
            "a mapping                       | fr:\\n  sms:\\n    text: '{code}'                     | 3 | sms under 'fr' must be text, not a list or a mapping",
            "YAML: an unclosed flow mapping  | fr: {sms: '{code}'\\n                                | 2 | not valid YAML:"})
    void aMistakeStopsTheStartNamingTheFileAndTheLine(String mistake, String yaml, int line, String reason) throws IOException {
        Path file = file(yaml.replace("\\n", "\n"));

        assertThatThrownBy(() -> WordingFile.read(file)).isInstanceOf(InvalidSettingsException.class)
                .message().startsWith("HOOK_WORDING_FILE " + file + " line " + line + ": ")
                .contains(reason).doesNotContain("\n");
    }

    @Test
    void controlCharactersAreRefusedButAnSmsMayHaveLineBreaks() throws IOException {
        Path lineBreakInVoice = file("fr:\n  voice: \"Votre\\ncode est\"\n  voiceAgain: Encore\n");
        assertThatThrownBy(() -> WordingFile.read(lineBreakInVoice)).isInstanceOf(InvalidSettingsException.class)
                .hasMessage("HOOK_WORDING_FILE " + lineBreakInVoice + " line 2: voice under 'fr' holds a control"
                        + " character or a line break");

        Path bellInSms = file("fr:\n  sms: \"\\a{code}\"\n");
        assertThatThrownBy(() -> WordingFile.read(bellInSms)).isInstanceOf(InvalidSettingsException.class)
                .hasMessage("HOOK_WORDING_FILE " + bellInSms + " line 2: sms under 'fr' holds a control character"
                        + " (only line breaks may be in an SMS)");

        WordingByLocale twoLines = WordingFile.read(file("fr:\n  sms: |\n    ACME\n    Votre code est {code}\n"));
        assertThat(twoLines.smsTemplate(Locale.FRENCH)).isEqualTo("ACME\nVotre code est {code}\n");
    }

    @Test
    void textsTooLongForTwilioAreRefused() throws IOException {
        Path longSms = file("fr:\n  sms: '{code} " + "x".repeat(WordingFile.SMS_MAX_CHARACTERS - 10) + "'\n");
        assertThatThrownBy(() -> WordingFile.read(longSms)).isInstanceOf(InvalidSettingsException.class)
                .hasMessage("HOOK_WORDING_FILE " + longSms + " line 2: sms under 'fr' is longer than Twilio's 1600"
                        + " characters with a code in it");
        WordingFile.read(file("fr:\n  sms: '{code} " + "x".repeat(WordingFile.SMS_MAX_CHARACTERS - 11) + "'\n"));

        Path longVoice = file("fr:\n  voice: '" + "x".repeat(WordingFile.VOICE_MAX_CHARACTERS + 1) + "'\n  voiceAgain: Encore\n");
        assertThatThrownBy(() -> WordingFile.read(longVoice)).isInstanceOf(InvalidSettingsException.class)
                .hasMessage("HOOK_WORDING_FILE " + longVoice + " line 2: voice under 'fr' is longer than 300 characters");
    }

    @Test
    void aFileThatIsNotThereStopsTheStart() {
        Path missing = folder.resolve("wording.yaml");

        assertThatThrownBy(() -> WordingFile.read(missing)).isInstanceOf(InvalidSettingsException.class)
                .hasMessage("HOOK_WORDING_FILE " + missing + ": no such file");
    }

    private Path file(String yaml) throws IOException {
        return Files.writeString(Files.createTempFile(folder, "wording", ".yaml"), yaml);
    }
}
