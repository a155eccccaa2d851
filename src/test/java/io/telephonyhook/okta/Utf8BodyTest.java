package io.telephonyhook.okta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.OktaShape;

/**
 * JSON is UTF-8 (RFC 8259): a body declared in another charset is refused 415 before it is parsed, whatever its bytes,
 * and bytes that are not UTF-8 are refused 400, never read as U+FFFD and sent on.
 */
class Utf8BodyTest extends HookTestSupport {

    /** {@code @@} in a body stands for raw bytes that are not UTF-8. */
    static final String NOT_UTF8 = "@@";

    @ParameterizedTest
    @MethodSource("bytesThatAreNotUtf8")
    void bytesThatAreNotUtf8InTheTemplateAre400AndNothingIsSent(byte[] notUtf8) {
        Answer answer = okta.post(withBytes(OktaRequest.sms().template("Your code is 482913 " + NOT_UTF8).json(),
                notUtf8), "application/json");

        assertRefusedAsNotUtf8(answer);
    }

    @ParameterizedTest
    @MethodSource("bytesThatAreNotUtf8")
    void bytesThatAreNotUtf8InTheCodeAre400AndNothingIsSent(byte[] notUtf8) {
        Answer answer = okta.post(withBytes(OktaRequest.sms().otp("4829" + NOT_UTF8).template("Your code").json(),
                notUtf8), "application/json; charset=utf-8");

        assertRefusedAsNotUtf8(answer);
    }

    /** Jackson reading bytes itself would take a body in UTF-16 for JSON; the hook reads only UTF-8. */
    @Test
    void aBodyInUtf16Is400() {
        Answer answer = okta.post(OktaRequest.sms().json().getBytes(StandardCharsets.UTF_16LE), "application/json");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(twilio.received()).isEmpty();
    }

    /** RFC 8259 lets a parser ignore a byte order mark; the hook does. */
    @Test
    void aLeadingByteOrderMarkIsIgnored() {
        byte[] json = OktaRequest.sms().json().getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[json.length + 3];
        body[0] = (byte) 0xEF;
        body[1] = (byte) 0xBB;
        body[2] = (byte) 0xBF;
        System.arraycopy(json, 0, body, 3, json.length);

        assertThat(okta.post(body, "application/json").actionStatus()).isEqualTo("SUCCESSFUL");
    }

    /**
     * A lead byte without its continuation ({@code 0xC3 0x28}), a lone continuation byte, an overlong {@code /}, an
     * encoded surrogate, a byte never used in UTF-8, and a sequence cut short at the end of the value.
     */
    static Stream<byte[]> bytesThatAreNotUtf8() {
        return Stream.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xE2, (byte) 0x82});
    }

    private void assertRefusedAsNotUtf8(Answer answer) {
        OktaShape.assertError(answer, 400, "INVALID_REQUEST");
        assertThat(answer.json().at("/error/errorCauses/0/errorSummary").asText()).isEqualTo("body is not valid UTF-8");
        assertThat(answer.json().at("/error/errorCauses/0/location").asText()).isEqualTo("body");
        assertThat(twilio.received()).isEmpty();
    }

    /** The JSON's UTF-8, with each {@link #NOT_UTF8} replaced by these bytes. */
    static byte[] withBytes(String json, byte[] notUtf8) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String[] parts = json.split(NOT_UTF8, -1);
        assertThat(parts).as("the marker is in the body").hasSizeGreaterThan(1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                body.writeBytes(notUtf8);
            }
            body.writeBytes(parts[i].getBytes(StandardCharsets.UTF_8));
        }
        return body.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=ISO-8859-1", "application/json;charset=iso-8859-1",
            "application/json; charset=windows-1252", "application/json; charset=US-ASCII",
            "application/json; charset=UTF-16", "application/json; charset=\"latin1\"",
            "application/json; charset=no-such-charset", "application/json; charset=",
            "application/json; charset=utf-8; charset=ISO-8859-1", "application/cloudevents+json; charset=ISO-8859-1"})
    void aCharsetOtherThanUtf8Is415WithOktasErrorAndNothingIsSent(String contentType) {
        Answer answer = okta.post(OktaRequest.sms().json().getBytes(StandardCharsets.UTF_8), contentType);

        OktaShape.assertError(answer, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(answer.json().at("/error/errorCauses/0/location").asText()).isEqualTo("Content-Type");
        assertThat(answer.json().at("/error/errorCauses/0/errorSummary").asText()).endsWith("is not UTF-8");
        assertThat(twilio.received()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8",
            "APPLICATION/JSON; CHARSET=Utf-8", "application/json; charset=\"utf-8\"", "application/json; charset=utf8",
            "application/json; charset=UTF-8; foo=bar", "application/cloudevents+json; charset=utf-8"})
    void utf8OrNoCharsetIsRead(String contentType) {
        Answer answer = okta.post(OktaRequest.sms().template("Votre code : 482913 ✓").json()
                .getBytes(StandardCharsets.UTF_8), contentType);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(twilio.received()).singleElement()
                .satisfies(sms -> assertThat(sms.field("Body")).isEqualTo("Votre code : 482913 ✓"));
    }
}
