package io.telephonyhook.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.telephonyhook.config.InvalidSettingsException;
import io.telephonyhook.support.LiveHook;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.TwilioStandIn;
import io.telephonyhook.support.TwilioStandIn.Received;

/**
 * HOOK_SENDERS_FILE and HOOK_WORDING_FILE end to end: the hook in live mode with both files, against the strict
 * Twilio stand-in, Okta's side real HTTP. Senders follow the destination's country, wording the user's locale, and a
 * mistake in a file stops the start-up with one line saying where.
 */
@ExtendWith(OutputCaptureExtension.class)
class SendersAndWordingTest {

    /** Valid numbers to libphonenumber (its own examples), in the countries the file does and does not list. */
    static final String UK = "+447400123456";
    static final String GERMANY = "+4915123456789";
    static final String CANADA = "+14165550100";
    static final String US = OktaRequest.PHONE;
    static final String DEFAULT_SENDER = "+15017122661";

    static final String SENDERS = """
            # Senders by the destination's country
            GB:
              sms: MyBrand                               # an alphanumeric sender ID
              voice: "+447700900123"                     # calls always need a number
            DE:
              sms: MG0123456789abcdef0123456789abcdef    # a Messaging Service
            CA:
              sms: "+15145550100"                        # a number, in the US's calling code but another country
            """;

    /** Words unlike the built-in ones, so what is heard can only be the file's; XML's own characters in them. */
    static final String WORDING = """
            fr:
              sms: "ACME : votre code de vérification est {code}"
              voice: "Bonjour d'ACME & Cie, votre code est"
              voiceAgain: "Je répète, votre code <ACME> est"
            fr-CA:
              sms: "ACME Canada : votre code est {code}"
              voice: "Bonjour du Québec, votre code est"
              voiceAgain: "Encore une fois, votre code est"
            """;

    private static final TwilioStandIn twilio = TwilioStandIn.start();

    @TempDir
    static Path folder;

    private static LiveHook hook;

    @BeforeAll
    static void startTheHookWithBothFiles() throws IOException {
        hook = LiveHook.start(twilio, Map.of(
                "hook.senders-file", Files.writeString(folder.resolve("senders.yaml"), SENDERS).toString(),
                "hook.wording-file", Files.writeString(folder.resolve("wording.yaml"), WORDING).toString()));
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
    void aUkNumberGetsTheUkSmsSenderIdAndTheUkCallerId() {
        Answer sms = hook.okta().post(OktaRequest.sms().phone(UK));
        Answer call = hook.okta().post(OktaRequest.voice().phone(UK));

        assertThat(sms.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(call.actionStatus()).isEqualTo("SUCCESSFUL");
        Received message = twilio.received().get(0);
        assertThat(message.field("To")).isEqualTo(UK);
        assertThat(message.field("From")).isEqualTo("MyBrand");
        assertThat(message.form()).doesNotContainKey("MessagingServiceSid");
        assertThat(twilio.received().get(1).field("From")).isEqualTo("+447700900123");
    }

    @Test
    void aUsNumberGetsTheDefaultSenders() {
        hook.okta().post(OktaRequest.sms().phone(US));
        hook.okta().post(OktaRequest.voice().phone(US));

        assertThat(twilio.received()).extracting(request -> request.field("From"))
                .containsExactly(DEFAULT_SENDER, DEFAULT_SENDER);
    }

    @Test
    void aCanadianNumberGetsCanadasSenderThoughItSharesTheUsCallingCode() {
        hook.okta().post(OktaRequest.sms().phone(CANADA));
        hook.okta().post(OktaRequest.voice().phone(CANADA));

        assertThat(twilio.received()).extracting(request -> request.field("From"))
                .containsExactly("+15145550100", DEFAULT_SENDER);
    }

    @Test
    void aMessagingServiceCountrySendsThroughTheServiceWithoutFrom() {
        Answer sms = hook.okta().post(OktaRequest.sms().phone(GERMANY));
        hook.okta().post(OktaRequest.voice().phone(GERMANY));

        assertThat(sms.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(sms.metadata()).isEqualTo("twilioStatus=accepted");
        Received message = twilio.received().get(0);
        assertThat(message.field("MessagingServiceSid")).isEqualTo("MG0123456789abcdef0123456789abcdef");
        assertThat(message.form()).doesNotContainKey("From");
        assertThat(twilio.received().get(1).field("From")).as("DE lists no voice number").isEqualTo(DEFAULT_SENDER);
    }

    @Test
    void frenchUsersGetTheFilesFrenchSmsAndCanadiansTheirOwn() {
        hook.okta().post(OktaRequest.sms().locale("fr-FR").withoutProfileField("msgTemplate"));
        hook.okta().post(OktaRequest.sms().locale("fr").template("Votre code est prêt"));
        hook.okta().post(OktaRequest.sms().locale("fr-CA").withoutProfileField("msgTemplate"));

        assertThat(twilio.received()).extracting(request -> request.field("Body")).containsExactly(
                "ACME : votre code de vérification est 482913",
                "ACME : votre code de vérification est 482913",
                "ACME Canada : votre code est 482913");
    }

    @Test
    void oktasOwnTextWithTheCodeStillWins() {
        hook.okta().post(OktaRequest.sms().locale("fr-FR").template("(ACME) 482913 est votre code."));

        assertThat(twilio.received().get(0).field("Body")).isEqualTo("(ACME) 482913 est votre code.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sv-SE", "xx-YY", "de-DE"})
    void aLocaleTheFileDoesNotListGetsTheDefaultSms(String locale) {
        hook.okta().post(OktaRequest.sms().locale(locale).withoutProfileField("msgTemplate"));

        assertThat(twilio.received().get(0).field("Body")).isEqualTo("Your verification code is 482913");
    }

    @Test
    void frenchCallsSayTheFilesWordsInFrench() throws Exception {
        hook.okta().post(OktaRequest.voice().locale("fr-FR"));

        assertThat(says(twilio.received().get(0))).containsExactly(
                "fr-FR: Bonjour d'ACME & Cie, votre code est 4. 8. 2. 9. 1. 3.",
                "fr-FR: Je répète, votre code <ACME> est 4. 8. 2. 9. 1. 3.");
    }

    @Test
    void canadianCallsSayTheirOwnWordsInCanadianFrench() throws Exception {
        hook.okta().post(OktaRequest.voice().locale("fr-CA"));

        assertThat(says(twilio.received().get(0))).containsExactly(
                "fr-CA: Bonjour du Québec, votre code est 4. 8. 2. 9. 1. 3.",
                "fr-CA: Encore une fois, votre code est 4. 8. 2. 9. 1. 3.");
    }

    @Test
    void callsInLocalesTheFileDoesNotListKeepTheBuiltInWords() throws Exception {
        hook.okta().post(OktaRequest.voice().locale("sv-SE"));
        hook.okta().post(OktaRequest.voice().locale("xx-YY"));
        hook.okta().post(OktaRequest.voice().locale("de-DE"));

        assertThat(says(twilio.received().get(0))).first().isEqualTo("en-US: Your verification code is 4. 8. 2. 9. 1. 3.");
        assertThat(says(twilio.received().get(1))).first().isEqualTo("en-US: Your verification code is 4. 8. 2. 9. 1. 3.");
        assertThat(says(twilio.received().get(2))).first().isEqualTo("de-DE: Ihr Bestätigungscode lautet 4. 8. 2. 9. 1. 3.");
    }

    @Test
    void aMistakeInAFileStopsTheStartWithOneLineSayingWhere(CapturedOutput output) throws IOException {
        Path senders = Files.writeString(folder.resolve("bad-senders.yaml"), """
                # Senders by country
                GB:
                  sms: MyBrand
                GBR:
                  sms: MyBrand
                """);
        String reason = "HOOK_SENDERS_FILE " + senders + " line 4: 'GBR' is not an ISO 3166 alpha-2 country code (like GB, US)";

        assertThatThrownBy(() -> LiveHook.start(twilio, Map.of("hook.senders-file", senders.toString())).close())
                .hasRootCauseInstanceOf(InvalidSettingsException.class)
                .rootCause().hasMessage(reason);
        assertThat(output).contains("Description:").contains(reason);

        Path wording = Files.writeString(folder.resolve("bad-wording.yaml"), "fr:\n  sms: Votre code est prêt\n");
        assertThatThrownBy(() -> LiveHook.start(twilio, Map.of("hook.wording-file", wording.toString())).close())
                .hasRootCauseInstanceOf(InvalidSettingsException.class)
                .rootCause().hasMessage("HOOK_WORDING_FILE " + wording + " line 2: sms under 'fr' has no {code}: the"
                        + " text must say where the code goes");

        Path missing = folder.resolve("no-such-senders.yaml");
        assertThatThrownBy(() -> LiveHook.start(twilio, Map.of("hook.senders-file", missing.toString())).close())
                .hasRootCauseInstanceOf(InvalidSettingsException.class)
                .rootCause().hasMessage("HOOK_SENDERS_FILE " + missing + ": no such file");
    }

    @Test
    void voiceNumbersWithoutADefaultCallerIdStopTheStart() throws IOException {
        Path senders = Files.writeString(folder.resolve("voice-senders.yaml"), "GB:\n  voice: \"+447700900123\"\n");

        assertThatThrownBy(() -> LiveHook.start(twilio, Map.of("hook.senders-file", senders.toString(),
                "twilio.from-number", "", "twilio.messaging-service-sid", "MG0123456789abcdef0123456789abcdef")).close())
                .hasRootCauseInstanceOf(InvalidSettingsException.class)
                .rootCause().hasMessageStartingWith("HOOK_SENDERS_FILE " + senders + " gives voice numbers, but"
                        + " TWILIO_FROM_NUMBER is not set");
    }

    /** What the call's TwiML says, read as XML (so escaping mistakes fail): "language: text" per Say. */
    private static List<String> says(Received call) throws Exception {
        Element response = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(call.field("Twiml").getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        NodeList says = response.getElementsByTagName("Say");
        List<String> spoken = new ArrayList<>();
        for (int i = 0; i < says.getLength(); i++) {
            Element say = (Element) says.item(i);
            spoken.add(say.getAttribute("language") + ": " + say.getTextContent());
        }
        return spoken;
    }
}
