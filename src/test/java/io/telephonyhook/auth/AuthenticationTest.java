package io.telephonyhook.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;

class AuthenticationTest extends HookTestSupport {

    @Test
    void noAuthenticationHeaderIs401AndNothingIsSent() {
        Answer answer = okta.post(OktaRequest.sms().json(), null, null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.raw().headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(answer.json().at("/error/errorSummary").asText()).isEqualTo("Unauthorized");
        assertThat(twilio.received()).isEmpty();
    }

    @Test
    void aWrongSecretIs401AndNothingIsSent() {
        Answer answer = okta.post(OktaRequest.sms().json(), "Authorization", OktaClient.SECRET + "x");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(twilio.received()).isEmpty();
    }

    @Test
    void anEmptySecretIs401() {
        Answer answer = okta.post(OktaRequest.sms().json(), "Authorization", "");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(twilio.received()).isEmpty();
    }

    @Test
    void theSecretInAnotherHeaderIs401() {
        Answer answer = okta.post(OktaRequest.sms().json(), "X-Okta-Secret", OktaClient.SECRET);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(twilio.received()).isEmpty();
    }

    @Test
    void theHeaderNameIsMatchedCaseInsensitively() {
        Answer answer = okta.post(OktaRequest.sms().json(), "authorization", OktaClient.SECRET);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
    }

    @Test
    void unauthenticatedCallsAreRejectedBeforeTheBodyIsRead() {
        Answer answer = okta.post("{not json at all", null, null);

        assertThat(answer.status()).isEqualTo(401);
    }

    @Test
    void theSecretIsNeverEchoedInTheResponse() {
        Answer answer = okta.post(OktaRequest.sms());

        assertThat(answer.raw().headers().map().toString()).doesNotContain(OktaClient.SECRET);
        assertThat(answer.raw().body()).doesNotContain(OktaClient.SECRET);
    }
}
