package io.telephonyhook.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import io.telephonyhook.spring.DemoSimulator;
import io.telephonyhook.support.HookTestSupport;

/**
 * In live mode no simulator runs and /simulator/messages is not found, as any unknown path. Decided at start from the
 * settings, not by a bean condition, so that it holds on the fast start's Spring AOT beans too (FastStartIT).
 */
class SimulatorOnlyInDemoModeTest extends HookTestSupport {

    @Autowired
    ApplicationContext context;

    @Test
    void liveModeHasNoSimulator() throws Exception {
        assertThat(context.getBean(DemoSimulator.class).running()).isFalse();
        assertThat(context.getBeanNamesForType(TwilioSimulator.class)).isEmpty();

        HttpResponse<String> simulator = get("/simulator/messages");
        HttpResponse<String> unknown = get("/no/such/path");
        assertThat(simulator.statusCode()).isEqualTo(404);
        assertThat(simulator.body().replace("/simulator/messages", "PATH"))
                .isEqualTo(unknown.body().replace("/no/such/path", "PATH"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(okta.hookUrl().resolve(path).toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
