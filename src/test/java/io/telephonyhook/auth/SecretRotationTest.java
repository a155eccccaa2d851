package io.telephonyhook.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.Prometheus;

/**
 * A secret rotation: the tests' configuration has OKTA_HOOK_AUTH_SECRET and OKTA_HOOK_AUTH_SECRET_PREVIOUS. Both are
 * accepted, anything else is refused, and the metric tells which one callers use.
 */
class SecretRotationTest extends HookTestSupport {

    private static final String ACCEPTED = "telephony_hook_authentications_total";

    private Prometheus prometheus;

    @BeforeEach
    void scraper() {
        prometheus = new Prometheus(managementUrl());
    }

    @Test
    void thePreviousSecretIsAcceptedAndCountedAsSuch() {
        double previousBefore = prometheus.value(ACCEPTED, Map.of("credential", "previous-secret"));
        double currentBefore = prometheus.value(ACCEPTED, Map.of("credential", "secret"));

        Answer answer = okta.post(OktaRequest.sms().json(), "Authorization", OktaClient.PREVIOUS_SECRET);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(twilio.received()).hasSize(1);
        assertThat(prometheus.value(ACCEPTED, Map.of("credential", "previous-secret"))).isEqualTo(previousBefore + 1);
        assertThat(prometheus.value(ACCEPTED, Map.of("credential", "secret"))).isEqualTo(currentBefore);
    }

    @Test
    void theCurrentSecretIsCountedAsTheCurrentOne() {
        double currentBefore = prometheus.value(ACCEPTED, Map.of("credential", "secret"));

        Answer answer = okta.post(OktaRequest.sms());

        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(prometheus.value(ACCEPTED, Map.of("credential", "secret"))).isEqualTo(currentBefore + 1);
    }

    @Test
    void aThirdSecretIsRefusedAndNothingIsSent() {
        Answer answer = okta.post(OktaRequest.sms().json(), "Authorization", "Basic b2t0YTp0aGlyZC1zZWNyZXQ=");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().at("/error/errorSummary").asText()).isEqualTo("Unauthorized");
        assertThat(twilio.received()).isEmpty();
    }

    @Test
    void theTwoSecretsConcatenatedAreRefused() {
        Answer answer = okta.post(OktaRequest.sms().json(), "Authorization",
                OktaClient.SECRET + OktaClient.PREVIOUS_SECRET);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(twilio.received()).isEmpty();
    }
}
