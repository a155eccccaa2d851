package io.telephonyhook.okta;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;

/** An authenticated request we cannot read gets 400 with Okta's error object, and nothing is sent. */
class MalformedRequestTest extends HookTestSupport {

    /** Parsers differ on which of two values wins; a request two parsers would read differently is refused. */
    @ParameterizedTest
    @ValueSource(strings = {"\"otpCode\": \"111111\",", "\"phoneNumber\": \"+14155550000\",",
            "\"deliveryChannel\": \"voice call\","})
    void aKeyGivenTwiceIs400(String duplicate) {
        String body = OktaRequest.sms().json().replace("\"messageProfile\":{", "\"messageProfile\":{" + duplicate)
                .replace("\"messageProfile\": {", "\"messageProfile\": {" + duplicate);
        assertThat(body).as("the duplicate went in").contains(duplicate);

        Answer answer = post(body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/error/errorCauses/0/errorSummary").asText()).isEqualTo("body has a key twice");
        assertThat(twilio.received()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{bad json", "", "[]", "\"text\"", "42", "null", "{\"a\":1} trailing"})
    void notAJsonObjectIs400(String body) {
        Answer answer = post(body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/error/errorSummary").asText()).isEqualTo("Invalid telephony hook request");
        assertThat(answer.json().at("/error/errorCauses/0/location").asText()).isEqualTo("body");
        assertThat(twilio.received()).isEmpty();
    }

    @Test
    void aTruncatedRequestIs400() {
        String json = OktaRequest.sms().json();

        Answer answer = post(json.substring(0, json.length() / 2));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(twilio.received()).isEmpty();
    }

    @Test
    void noMessageProfileIs400() {
        Answer answer = post(OktaRequest.sms().withoutMessageProfile().json());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/error/errorCauses/0/location").asText()).isEqualTo("data.messageProfile");
    }

    @ParameterizedTest
    @ValueSource(strings = {"phoneNumber", "otpCode"})
    void noPhoneNumberOrNoCodeIs400NamingTheField(String field) {
        Answer answer = post(OktaRequest.sms().withoutProfileField(field).json());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/error/errorCauses/0/location").asText())
                .isEqualTo("data.messageProfile." + field);
        assertThat(answer.json().at("/error/errorCauses/0/reason").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(twilio.received()).isEmpty();
    }

    /** Okta renders codes and numbers as JSON numbers in digits; a fraction or an exponent is not such a rendering. */
    @ParameterizedTest
    @CsvSource({"otpCode, 1e3", "otpCode, 4829.13", "otpCode, 4.82913E5", "otpCode, 482913.0", "otpCode, 1E+3",
            "phoneNumber, 1.4155552671E10", "phoneNumber, 14155552671.0"})
    void aNumberThatIsNotWholeIs400SayingSo(String field, String number) {
        Answer answer = post(withRawValue(field, number));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/error/errorCauses/0/errorSummary").asText())
                .isEqualTo("data.messageProfile." + field + " is not a whole number written in digits");
        assertThat(answer.json().at("/error/errorCauses/0/location").asText()).isEqualTo("data.messageProfile." + field);
        assertThat(twilio.received()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"otpCode, -482913", "otpCode, -5", "phoneNumber, -14155552671"})
    void aNegativeNumberIs400SayingSo(String field, String number) {
        Answer answer = post(withRawValue(field, number));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/error/errorCauses/0/errorSummary").asText())
                .isEqualTo("data.messageProfile." + field + " is a negative number");
        assertThat(twilio.received()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"otpCode | true", "otpCode | {}", "otpCode | [482913]",
            "phoneNumber | [\"+14155552671\"]", "phoneNumber | false"})
    void aCodeOrNumberThatIsNeitherStringNorNumberIs400SayingSo(String field, String value) {
        Answer answer = post(withRawValue(field, value));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/error/errorCauses/0/errorSummary").asText())
                .isEqualTo("data.messageProfile." + field + " is not a string or a number");
        assertThat(twilio.received()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"phoneNumber", "otpCode"})
    void aNullCodeOrNumberIsMissing(String field) {
        Answer answer = post(withRawValue(field, "null"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/error/errorCauses/0/errorSummary").asText())
                .isEqualTo("data.messageProfile." + field + " is missing");
    }

    @Test
    void anEmptyCodeIs400() {
        Answer answer = post(OktaRequest.sms().otp("").json());

        assertThat(answer.status()).isEqualTo(400);
    }

    @Test
    void aBlankPhoneNumberIs400() {
        Answer answer = post(OktaRequest.sms().phone("   ").json());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/error/errorCauses/0/location").asText())
                .isEqualTo("data.messageProfile.phoneNumber");
    }

    @Test
    void theErrorBodyCarriesNoStackTraceOrClassName() {
        Answer answer = post("{bad json");

        assertThat(answer.raw().body()).doesNotContain("Exception").doesNotContain("at io.").doesNotContain("jackson");
        assertThat(answer.raw().headers().firstValue("Content-Type")).hasValue("application/json");
    }

    /** Okta's SMS request with {@code field} written as this raw JSON value. */
    private static String withRawValue(String field, String json) {
        String placeholder = "\"raw-value\"";
        String body = (field.equals("otpCode") ? OktaRequest.sms().otp("raw-value") : OktaRequest.sms().phone("raw-value"))
                .template("Your verification code").json();
        assertThat(body).as("one placeholder, in " + field).containsOnlyOnce(placeholder);
        return body.replace(placeholder, json);
    }

    private Answer post(String body) {
        return okta.post(body, "Authorization", OktaClient.SECRET);
    }
}
