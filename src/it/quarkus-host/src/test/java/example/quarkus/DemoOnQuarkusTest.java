package example.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.OktaShape;

/** No Twilio setting at all: demo mode, the built-in simulator over real HTTP, and Okta's example secret. */
@QuarkusTest
class DemoOnQuarkusTest {

    private static final String DEMO_SECRET = "Basic YWRtaW46c3VwZXJzZWNyZXQ=";

    @Test
    void demoModeSendsThroughTheSimulator() {
        OktaClient okta = new OktaClient(ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class));

        Answer answer = okta.post(OktaRequest.sms().json(), "Authorization", DEMO_SECRET);

        OktaShape.assertCommand(answer, "SUCCESSFUL", "SM");
        assertThat(okta.post(OktaRequest.sms().json(), "Authorization", "Basic wrong").status()).isEqualTo(401);
    }
}
