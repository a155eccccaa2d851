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

        for (String method : new String[] {"GET", "POST", "DELETE"}) {
            for (String accept : new String[] {"application/json", "text/plain"}) {
                HttpResponse<String> simulator = send(method, "/simulator/messages", accept);
                HttpResponse<String> unknown = send(method, "/no/such/path", accept);
                assertThat(simulator.statusCode()).as(method + " " + accept).isEqualTo(404);
                assertThat(simulator.body().replace("/simulator/messages", "PATH")).as(method + " " + accept)
                        .isEqualTo(unknown.body().replace("/no/such/path", "PATH"));
            }
        }
    }

    private HttpResponse<String> send(String method, String path, String accept) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(okta.hookUrl().resolve(path).toString())).header("Accept", accept)
                        .method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
