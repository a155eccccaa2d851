package io.telephonyhook.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.Test;

import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.TwilioStandIn;

/** /actuator/health says the mode and the breakers, and an open breaker does not make the hook unready. */
class HealthTest extends HookTestSupport {

    @Test
    void healthShowsTheModeAndTheBreakers() throws Exception {
        JsonNode health = get("/actuator/health");

        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/telephonyHook/details/mode").asText()).isEqualTo("live");
        assertThat(health.at("/components/telephonyHook/details/breakers/telephony-hook-twilio-sms").asText()).isEqualTo("CLOSED");
        assertThat(health.at("/components/telephonyHook/details/breakers/telephony-hook-twilio-voice").asText()).isEqualTo("CLOSED");
        assertThat(health.at("/components/telephonyHook/details/deduplication").asText()).isEqualTo("memory");
    }

    /** The same health is a Camel health check, which every host's Camel reports (camel-main's health endpoint too). */
    @Test
    void theHooksHealthIsACamelHealthCheck() {
        HealthCheck.Result result = HealthCheckRegistry.get(camel).getCheck(HookHealthCheck.ID).orElseThrow()
                .call();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsEntry("mode", "live").containsEntry("deduplication", "memory");
        assertThat(result.getCheck().isLiveness()).isFalse();
    }

    @Test
    void anOpenBreakerLeavesTheHookLiveAndReady() throws Exception {
        breaker("telephony-hook-twilio-sms").transitionToOpenState();

        assertThat(get("/actuator/health").at("/components/telephonyHook/details/breakers/telephony-hook-twilio-sms").asText())
                .isEqualTo("OPEN");
        assertThat(get("/actuator/health/readiness").path("status").asText()).isEqualTo("UP");
        assertThat(get("/actuator/health/liveness").path("status").asText()).isEqualTo("UP");
    }

    /** The settings the hook runs with, on the management port: every setting bound, the secrets masked. */
    @Test
    void configpropsShowsTheSettingsWithTheSecretsMasked() throws Exception {
        JsonNode beans = get("/actuator/configprops").at("/contexts").elements().next().path("beans");

        JsonNode auth = beans.path("telephonyHookAuthSettings");
        assertThat(auth.path("prefix").asText()).isEqualTo("okta.hook.auth");
        assertThat(auth.at("/properties/header").asText()).isEqualTo("Authorization");
        assertThat(auth.at("/properties/secret").asText()).isEqualTo("******");
        assertThat(auth.at("/properties/secretPrevious").asText()).isEqualTo("******");
        assertThat(beans.at("/telephonyHookTwilioSettings/properties/authToken").asText()).isEqualTo("******");
        assertThat(beans.at("/telephonyHookTwilioSettings/properties/accountSid").asText()).startsWith("AC");
        assertThat(beans.at("/telephonyHookSettings/properties/maxConcurrentCalls").asInt()).isEqualTo(200);
        assertThat(beans.toString()).doesNotContain(OktaClient.SECRET).doesNotContain(TwilioStandIn.AUTH_TOKEN);
    }

    @Test
    void theActuatorIsNotWhereOktaCalls() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(okta.hookUrl().resolve("/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(managementUrl().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
