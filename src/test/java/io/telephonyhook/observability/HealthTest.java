package io.telephonyhook.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import io.telephonyhook.support.HookTestSupport;

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

    @Test
    void anOpenBreakerLeavesTheHookLiveAndReady() throws Exception {
        breaker("telephony-hook-twilio-sms").transitionToOpenState();

        assertThat(get("/actuator/health").at("/components/telephonyHook/details/breakers/telephony-hook-twilio-sms").asText())
                .isEqualTo("OPEN");
        assertThat(get("/actuator/health/readiness").path("status").asText()).isEqualTo("UP");
        assertThat(get("/actuator/health/liveness").path("status").asText()).isEqualTo("UP");
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
