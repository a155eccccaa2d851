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
 * A fresh clone with no settings at all: demo mode, Okta's example secret, and the built-in simulator behind the
 * real camel-twilio path.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoModeTest {

    private static final String DEMO_SECRET = "Basic YWRtaW46c3VwZXJzZWNyZXQ=";

    /** Okta's port, on the standalone application's default server (Vert.x) */
    @Autowired
    VertxOktaPort oktaPort;

    @Test
    void theDemoSecretAndSimulatorDeliverAnSms() throws Exception {
        Answer answer = new OktaClient(oktaPort.port()).post(OktaRequest.sms().otp("271828").json(), "Authorization", DEMO_SECRET);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        String sid = answer.action().path("transactionId").asText();
        JsonNode sent = simulatorMessages();
        assertThat(sent.findValuesAsText("sid")).contains(sid);
        JsonNode message = sentMessage(sent, sid);
        assertThat(message.path("to").asText()).isEqualTo("+14155552671");
        assertThat(message.path("from").asText()).isEqualTo(TwilioSimulator.FROM_NUMBER);
        assertThat(message.path("body").asText()).isEqualTo("Your verification code is 271828");
    }

    @Test
    void theSimulatorPlacesCallsToo() throws Exception {
        Answer answer = new OktaClient(oktaPort.port()).post(OktaRequest.voice().json(), "Authorization", DEMO_SECRET);

        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        JsonNode call = sentMessage(simulatorMessages(), answer.action().path("transactionId").asText());
        assertThat(call.path("kind").asText()).isEqualTo("call");
        assertThat(call.path("twiml").asText()).contains("<Say");
    }

    @Test
    void otherSecretsAreStillRefused() {
        Answer answer = new OktaClient(oktaPort.port()).post(OktaRequest.sms().json(), "Authorization", OktaClient.SECRET);

        assertThat(answer.status()).isEqualTo(401);
    }

    @Test
    void theSimulatorsMessagesNeedTheHookSecret() throws Exception {
        assertThat(getSimulatorMessages(null).statusCode()).isEqualTo(401);
        assertThat(getSimulatorMessages(OktaClient.SECRET).statusCode()).isEqualTo(401);
    }

    private JsonNode simulatorMessages() throws Exception {
        HttpResponse<String> response = getSimulatorMessages(DEMO_SECRET);
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private HttpResponse<String> getSimulatorMessages(String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + oktaPort.port() + "/simulator/messages"));
        if (secret != null) {
            request.header("Authorization", secret);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode sentMessage(JsonNode sent, String sid) {
        for (JsonNode message : sent) {
            if (message.path("sid").asText().equals(sid)) {
                return message;
            }
        }
        throw new AssertionError("the simulator has no " + sid);
    }
}
