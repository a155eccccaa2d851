package io.telephonyhook.okta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.OktaShape;

/**
 * JSON is UTF-8 (RFC 8259): a body declared in another charset is refused 415 before it is parsed, whatever its bytes.
 */
class Utf8BodyTest extends HookTestSupport {

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
