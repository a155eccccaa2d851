package io.telephonyhook.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.telephonyhook.okta.OktaRequestJson.Kind;

/**
 * The one pass over Okta's JSON: the parser's rules hold in the parts it steps over as much as in the fields it reads.
 */
class OktaRequestJsonTest {

    private static final String PROFILE = "\"messageProfile\":{\"phoneNumber\":\"+14155550123\",\"otpCode\":\"482913\"}";

    @Test
    void readsTheFieldsTheHookUsesAndStepsOverTheRest() throws IOException {
        OktaRequestJson fields = OktaRequestJson.read("{\"eventId\":\"e1\",\"eventTime\":\"t\",\"data\":{\"context\":"
                + "{\"request\":{\"url\":{\"value\":\"/x\"}}},\"userProfile\":{\"login\":\"a\"},\"messageProfile\":{"
                + "\"msgTemplate\":\"Your code is 482913\",\"phoneNumber\":\"+14155550123\",\"otpExpires\":\"2026-10-02T14:16:20.000Z\","
                + "\"deliveryChannel\":\"SMS\",\"otpCode\":482913,\"locale\":\"en-US\",\"extra\":[1,{\"a\":2}]}},"
                + "\"requestType\":\"com.okta.user.telephony.mfa-verification\",\"source\":\"https://x\"}");

        assertThat(fields.profile).isTrue();
        assertThat(fields.eventId.text()).isEqualTo("e1");
        assertThat(fields.requestType.text()).isEqualTo("com.okta.user.telephony.mfa-verification");
        assertThat(fields.source.text()).isEqualTo("https://x");
        assertThat(fields.phoneNumber.text()).isEqualTo("+14155550123");
        assertThat(fields.otpCode).isEqualTo(new OktaRequestJson.Field(Kind.WHOLE_NUMBER, "482913", false));
        assertThat(fields.msgTemplate.text()).isEqualTo("Your code is 482913");
        assertThat(fields.deliveryChannel.text()).isEqualTo("SMS");
        assertThat(fields.locale.text()).isEqualTo("en-US");
        assertThat(fields.otpExpires.text()).isEqualTo("2026-10-02T14:16:20.000Z");
    }

    @Test
    void eachKindOfValueIsNamedForWhatItIs() throws IOException {
        OktaRequestJson fields = OktaRequestJson.read("{\"data\":{\"messageProfile\":{\"phoneNumber\":-0,"
                + "\"otpCode\":-12,\"locale\":1.5,\"msgTemplate\":null,\"deliveryChannel\":{\"a\":[1]},\"otpExpires\":true}}}");

        assertThat(fields.phoneNumber).isEqualTo(new OktaRequestJson.Field(Kind.WHOLE_NUMBER, "0", false));
        assertThat(fields.otpCode).isEqualTo(new OktaRequestJson.Field(Kind.WHOLE_NUMBER, "-12", true));
        assertThat(fields.locale.kind()).isEqualTo(Kind.FRACTION);
        assertThat(fields.msgTemplate.kind()).isEqualTo(Kind.NULL);
        assertThat(fields.deliveryChannel.kind()).isEqualTo(Kind.OTHER);
        assertThat(fields.otpExpires.kind()).isEqualTo(Kind.OTHER);
        assertThat(fields.eventId.kind()).isEqualTo(Kind.MISSING);
        assertThat(fields.otpExpires.text()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"data\":{\"messageProfile\":\"text\"}}", "{\"data\":[{\"messageProfile\":{}}]}",
            "{\"data\":{\"context\":{\"messageProfile\":{}}}}", "{\"messageProfile\":{}}", "{}"})
    void aMessageProfileElsewhereOrOfAnotherKindIsNoProfile(String body) throws IOException {
        assertThat(OktaRequestJson.read(body).profile).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"text\"", "42", "null", "  "})
    void jsonThatIsNotAnObjectIsNoFields(String body) throws IOException {
        assertThat(OktaRequestJson.read(body)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"data\":{\"context\":{\"id\":1,\"id\":2}}," + PROFILE + "}",
        "{\"data\":{\"userProfile\":{\"login\":\"a\",\"login\":\"b\"}," + PROFILE + "}}",
        "{\"data\":{" + PROFILE + ",\"messageProfile\":{}}}",
        "{\"eventId\":\"a\",\"eventId\":\"b\"}"})
    void aKeyGivenTwiceIsRefusedEvenWhereNothingIsRead(String body) {
        assertThatThrownBy(() -> OktaRequestJson.read(body)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("Duplicate field");
        assertThatThrownBy(() -> OktaRequestJson.readAscii(ascii(body))).isInstanceOf(IOException.class)
                .hasMessageStartingWith("Duplicate field");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"data\":{\"userProfile\":[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]}}",
        "{\"data\":{\"context\":{\"n\":123456789012345678901234567890123456789}}}",
        "{\"a\":1} trailing", "{\"a\":1} {}", "[] []", "42 43", "{\"a\":", "[1,2", "{bad json"})
    void whatTheParserRefusesAnywhereIsRefused(String body) {
        assertThatThrownBy(() -> OktaRequestJson.read(body)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> OktaRequestJson.readAscii(ascii(body))).isInstanceOf(IOException.class);
    }

    private static byte[] ascii(String body) {
        return body.getBytes(StandardCharsets.US_ASCII);
    }
}
