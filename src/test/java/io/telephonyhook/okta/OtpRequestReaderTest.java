package io.telephonyhook.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.telephonyhook.phone.PhoneNumberNormalizer;
import io.telephonyhook.support.OktaRequest;

/**
 * The route's own reading step, without any servlet filter in front: what holds under camel-main, or in any host that
 * hands the route the body's bytes as they arrived.
 */
class OtpRequestReaderTest {

    private final OtpRequestReader reader = new OtpRequestReader(new PhoneNumberNormalizer("US"));

    @Test
    void readsOktasRequest() {
        OtpRequest request = reader.read("application/json",
                OktaRequest.sms().json().getBytes(StandardCharsets.UTF_8), null);

        assertThat(request.otpCode()).isEqualTo(OktaRequest.OTP);
        assertThat(request.channel()).isEqualTo(Channel.SMS);
    }

    /** Plain ASCII is parsed from the bytes, anything else decoded first: both read the same request. */
    @Test
    void aBodyInAnotherScriptIsReadAsAnAsciiOneIs() {
        OtpRequest ascii = reader.read("application/json",
                OktaRequest.sms().template("Your code is 482913").json().getBytes(StandardCharsets.UTF_8), null);
        OtpRequest cyrillic = reader.read("application/json",
                OktaRequest.sms().template("Ваш код 482913").json().getBytes(StandardCharsets.UTF_8), null);

        assertThat(ascii.messageTemplate()).isEqualTo("Your code is 482913");
        assertThat(cyrillic.messageTemplate()).isEqualTo("Ваш код 482913");
        assertThat(cyrillic).usingRecursiveComparison().ignoringFields("eventId", "messageTemplate").isEqualTo(ascii);
    }

    /** Bytes of 1 to 127 but for NULs are ASCII to the hook; Jackson, given the bytes, would read them as UTF-16. */
    @Test
    void aBodyInUtf16IsNotJson() {
        byte[] utf16 = OktaRequest.sms().json().getBytes(StandardCharsets.UTF_16LE);

        assertThatThrownBy(() -> reader.read("application/json", utf16, null))
                .isInstanceOf(MalformedHookRequestException.class).hasMessage("body is not valid JSON");
    }

    @ParameterizedTest
    @MethodSource("io.telephonyhook.okta.Utf8BodyTest#bytesThatAreNotUtf8")
    void bytesThatAreNotUtf8AreRefused(byte[] notUtf8) {
        byte[] body = Utf8BodyTest.withBytes(
                OktaRequest.sms().template("Your code is 482913 " + Utf8BodyTest.NOT_UTF8).json(), notUtf8);

        assertThatThrownBy(() -> reader.read("application/json", body, null))
                .isInstanceOfSatisfying(MalformedHookRequestException.class, refused -> {
                    assertThat(refused.httpStatus()).isEqualTo(400);
                    assertThat(refused).hasMessage("body is not valid UTF-8");
                });
    }

    @Test
    void aCharsetOtherThanUtf8IsRefusedBeforeTheBodyIsRead() {
        assertThatThrownBy(() -> reader.read("application/json; charset=ISO-8859-1", new byte[] {(byte) 0xFF}, null))
                .isInstanceOfSatisfying(UnsupportedContentTypeException.class,
                        refused -> assertThat(refused.httpStatus()).isEqualTo(415))
                .hasMessage("Content-Type charset 'ISO-8859-1' is not UTF-8");
    }
}
