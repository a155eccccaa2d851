package io.telephonyhook.okta;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

    private Answer post(String body) {
        return okta.post(body, "Authorization", OktaClient.SECRET);
    }
}
