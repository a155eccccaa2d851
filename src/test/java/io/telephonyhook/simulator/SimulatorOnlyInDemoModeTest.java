package io.telephonyhook.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import io.telephonyhook.support.HookTestSupport;

/** In live mode there is no simulator and no /simulator/messages. */
class SimulatorOnlyInDemoModeTest extends HookTestSupport {

    @Autowired
    ApplicationContext context;

    @Test
    void liveModeHasNoSimulator() throws Exception {
        assertThat(context.getBeanNamesForType(TwilioSimulator.class)).isEmpty();

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(okta.hookUrl().resolve("/simulator/messages").toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
    }
}
