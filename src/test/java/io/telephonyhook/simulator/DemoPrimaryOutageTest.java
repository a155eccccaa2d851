package io.telephonyhook.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.telephonyhook.standalone.VertxOktaPort;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;

/**
 * Demo mode with HOOK_DEMO_PRIMARY_OUTAGE: the simulated primary account answers 503, and a newcomer sees the code go
 * out through the simulated failover account, with no Twilio account of their own (docs/failover.md).
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hook.demo.primary-outage=true")
class DemoPrimaryOutageTest {

    private static final String DEMO_SECRET = "Basic YWRtaW46c3VwZXJzZWNyZXQ=";

    /** Okta's port, on the standalone application's default server (Vert.x) */
    @Autowired
    VertxOktaPort oktaPort;

    @Test
    void aPrimaryOutageSendsTheCodeThroughTheFailoverAccount() throws Exception {
        Answer answer = new OktaClient(oktaPort.port()).post(OktaRequest.sms().json(), "Authorization", DEMO_SECRET);

        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(answer.metadata()).isEqualTo("twilioStatus=queued; account=failover");
        HttpResponse<String> messages = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + oktaPort.port() + "/simulator/messages")).header("Authorization", DEMO_SECRET)
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode sent = new ObjectMapper().readTree(messages.body());
        assertThat(sent).singleElement().satisfies(message -> {
            assertThat(message.path("sid").asText()).isEqualTo(answer.action().path("transactionId").asText());
            assertThat(message.path("account").asText()).isEqualTo("failover");
        });
    }
}
