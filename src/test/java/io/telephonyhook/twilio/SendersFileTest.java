package io.telephonyhook.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.telephonyhook.config.InvalidSettingsException;
import io.telephonyhook.okta.Channel;
import io.telephonyhook.phone.E164Number;
import io.telephonyhook.twilio.SmsSender.Kind;

/** HOOK_SENDERS_FILE: what it may say, and every mistake in it refused in one line naming the file and the line. */
class SendersFileTest {

    @TempDir
    Path folder;

    @Test
    void eachSmsSenderIsRecognisedByItsFormAndVoiceIsANumber() throws IOException {
        Map<String, CountrySenders> senders = SendersFile.read(file("""
                # Senders by the destination's country
                GB:
                  sms: MyBrand                               # an alphanumeric sender ID
                  voice: "+447700900123"                     # calls always need a number
                US:
                  sms: "+14155550100"
                DE:
                  sms: MG0123456789abcdef0123456789abcdef
                NO:
                  voice: '+4721000000'
                fr:
                  sms: ACME Bank
                """));

        assertThat(senders).containsOnlyKeys("GB", "US", "DE", "NO", "FR");
        assertThat(senders.get("GB")).isEqualTo(new CountrySenders(new SmsSender(Kind.ALPHANUMERIC_ID, "MyBrand"), "+447700900123"));
        assertThat(senders.get("US")).isEqualTo(new CountrySenders(new SmsSender(Kind.NUMBER, "+14155550100"), null));
        assertThat(senders.get("DE").sms())
                .isEqualTo(new SmsSender(Kind.MESSAGING_SERVICE, "MG0123456789abcdef0123456789abcdef"));
        assertThat(senders.get("NO")).as("NO is Norway, not YAML 1.1's false").isEqualTo(new CountrySenders(null, "+4721000000"));
        assertThat(senders.get("FR").sms()).isEqualTo(new SmsSender(Kind.ALPHANUMERIC_ID, "ACME Bank"));
    }

    @Test
    void aNumbersCountryPicksItsSendersAndOtherCountriesTheDefaults() throws IOException {
        TwilioSenders senders = new TwilioSenders("+15017122661", null, SendersFile.read(file("""
                GB:
                  sms: MyBrand
                  voice: "+447700900123"
                DE:
                  sms: MG0123456789abcdef0123456789abcdef
                """)));
        E164Number uk = new E164Number("+447400123456", 44, "GB");
        E164Number germany = new E164Number("+4915123456789", 49, "DE");
        E164Number us = new E164Number("+14155552671", 1, "US");
        E164Number international = new E164Number("+80012345678", 800, "001");

        assertThat(senders.smsSender(uk)).isEqualTo(new SmsSender(Kind.ALPHANUMERIC_ID, "MyBrand"));
        assertThat(senders.callerId(uk)).isEqualTo("+447700900123");
        assertThat(senders.smsSender(germany).isMessagingService()).isTrue();
        assertThat(senders.callerId(germany)).as("DE has no voice of its own").isEqualTo("+15017122661");
        assertThat(senders.smsSender(us)).isEqualTo(new SmsSender(Kind.NUMBER, "+15017122661"));
        assertThat(senders.smsSender(international)).isEqualTo(new SmsSender(Kind.NUMBER, "+15017122661"));
        assertThat(senders.configuredChannels()).containsExactlyInAnyOrder(Channel.SMS, Channel.VOICE);
    }

    @Test
    void aFileWithNothingButCommentsGivesNoCountry() throws IOException {
        assertThat(SendersFile.read(file("# no country has its own senders yet\n"))).isEmpty();
        assertThat(SendersFile.read(file(""))).isEmpty();
    }

    @Test
    void theReadmesExampleMistakeIsReportedAsTheReadmeSays() throws IOException {
        Path file = file("""
                # Senders by country
                GB:
                  sms: MyBrand
                GBR:
                  sms: MyBrand
                """);

        assertThatThrownBy(() -> SendersFile.read(file)).isInstanceOf(InvalidSettingsException.class)
                .hasMessage("HOOK_SENDERS_FILE " + file + " line 4: 'GBR' is not an ISO 3166 alpha-2 country code (like GB, US)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "a country not ISO 3166          | GB:\\n  sms: MyBrand\\nUK:\\n  sms: MyBrand                 | 3 | 'UK' is not a country libphonenumber knows",
            "a country of three letters      | GBR:\\n  sms: MyBrand                                      | 1 | 'GBR' is not an ISO 3166 alpha-2 country code",
            "a number as country             | 44:\\n  sms: MyBrand                                       | 1 | '44' is not an ISO 3166 alpha-2 country code",
            "a country twice                 | GB:\\n  sms: MyBrand\\ngb:\\n  voice: '+447700900123'      | 3 | 'gb' is listed twice (first on line 1)",
            "an alphanumeric ID with a dash  | GB:\\n  sms: My-Brand                                      | 2 | sms 'My-Brand' is neither a number in E.164",
            "an alphanumeric ID too long     | GB:\\n  sms: MyBrandIsLong                                 | 2 | sms 'MyBrandIsLong' is neither",
            "digits alone                    | GB:\\n  sms: '447700900123'                                | 2 | sms '447700900123' is neither",
            "a Messaging Service SID short   | DE:\\n  sms: MG0123456789abcdef                            | 2 | sms 'MG0123456789abcdef' is neither",
            "a voice sender ID               | GB:\\n  sms: MyBrand\\n  voice: MyBrand                    | 3 | voice 'MyBrand' is not a number in E.164 (like +447700900123): calls always come from a number",
            "a voice number unquoted         | GB:\\n  voice: +447700900123                               | 2 | voice under 'GB' is not text to YAML: put it in quotes, like voice: \"+447700900123\"",
            "a boolean                       | GB:\\n  sms: true                                          | 2 | sms under 'GB' is not text to YAML",
            "a list                          | GB:\\n  sms: [MyBrand, OtherBrand]                         | 2 | sms under 'GB' must be text, not a list or a mapping",
            "an empty value                  | GB:\\n  sms:                                               | 2 | sms under 'GB' is empty",
            "an unknown key                  | GB:\\n  sms: MyBrand\\n  fax: '+447700900123'              | 3 | unknown key 'fax' under 'GB' (expected sms, voice, failover-sms, failover-voice)",
            "a key twice                     | GB:\\n  sms: MyBrand\\n  sms: OtherBrand                   | 3 | sms is given twice under 'GB' (first on line 2)",
            "a country with nothing under it | US:\\n  sms: '+14155550100'\\nGB:                          | 3 | 'GB' must have its settings (sms, voice, failover-sms, failover-voice) indented under it",
            "a country with a value          | GB: MyBrand                                                | 1 | 'GB' must have its settings (sms, voice, failover-sms, failover-voice) indented under it",
            "a country with an empty mapping | GB: {}                                                     | 1 | 'GB' sets nothing (expected sms, voice, failover-sms, failover-voice)",
            "a list of countries             | - GB\\n- US                                                | 1 | expected entries by country (ISO 3166 alpha-2, like GB)",
            "YAML: a colon in a plain value  | GB:\\n  sms: My: Brand                                     | 2 | not valid YAML: mapping values are not allowed here",
            "YAML: a quote left open         | GB:\\n  sms: MyBrand\\n  voice: \"+447700900123\\n        | 4 | not valid YAML: found unexpected end of stream",
            "YAML: a tab for indentation     | GB:\\n\\tsms: MyBrand                                      | 2 | not valid YAML:",
            "YAML: two documents             | GB:\\n  sms: MyBrand\\n---\\nUS:\\n  sms: MyBrand           | 3 | not valid YAML: but found another document"})
    void aMistakeStopsTheStartNamingTheFileAndTheLine(String mistake, String yaml, int line, String reason) throws IOException {
        Path file = file(yaml.replace("\\n", "\n").replace("\\t", "\t"));

        assertThatThrownBy(() -> SendersFile.read(file)).isInstanceOf(InvalidSettingsException.class)
                .message().startsWith("HOOK_SENDERS_FILE " + file + " line " + line + ": ")
                .contains(reason).doesNotContain("\n");
    }

    @Test
    void controlCharactersAreNamedOrMaskedNeverPrinted() throws IOException {
        Path raw = file("GB:\n  sms: MyBrand\n\u0007US:\n  sms: MyBrand\n");
        assertThatThrownBy(() -> SendersFile.read(raw)).isInstanceOf(InvalidSettingsException.class)
                .hasMessage("HOOK_SENDERS_FILE " + raw + " line 3: not valid YAML: the character U+0007 is not allowed");

        Path escaped = file("GB:\n  sms: \"My\\nBrand\\u001b[31m\"\n");
        assertThatThrownBy(() -> SendersFile.read(escaped)).isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("HOOK_SENDERS_FILE " + escaped + " line 2: sms 'My Brand?[31m' is neither");
    }

    @Test
    void aFileThatIsNotThereOrCannotBeReadStopsTheStart() throws IOException {
        Path missing = folder.resolve("missing.yaml");
        assertThatThrownBy(() -> SendersFile.read(missing)).isInstanceOf(InvalidSettingsException.class)
                .hasMessage("HOOK_SENDERS_FILE " + missing + ": no such file");

        assertThatThrownBy(() -> SendersFile.read(folder)).isInstanceOf(InvalidSettingsException.class)
                .hasMessage("HOOK_SENDERS_FILE " + folder + ": is a directory, not a file");

        Path latin1 = Files.write(folder.resolve("latin1.yaml"), "GB:\n  sms: Br\u00e4nd\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> SendersFile.read(latin1)).isInstanceOf(InvalidSettingsException.class)
                .hasMessage("HOOK_SENDERS_FILE " + latin1 + ": cannot be read: it is not UTF-8");
    }

    private Path file(String yaml) throws IOException {
        return Files.writeString(Files.createTempFile(folder, "senders", ".yaml"), yaml);
    }
}
