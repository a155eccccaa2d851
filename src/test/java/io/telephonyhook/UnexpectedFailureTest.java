package io.telephonyhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.model.ProcessDefinition;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;

import io.telephonyhook.standalone.VertxOktaPort;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;

/**
 * A fault of ours inside a delivery route (injected where the SMS is composed) still gets Okta a well-formed
 * FAILED at once, not a 500, and the log names the exception's type without its message or a stack trace.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseAdviceWith
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class UnexpectedFailureTest {

    /** Okta's port, on the standalone application's default server (Vert.x) */
    @Autowired
    VertxOktaPort oktaPort;

    @Autowired
    CamelContext camel;

    @Test
    void aFaultInsideTheSmsRouteIsAnsweredFailed(CapturedOutput output) throws Exception {
        AdviceWith.adviceWith(camel, "telephony-hook-sms-primary", route -> route.weaveByType(ProcessDefinition.class).selectFirst().replace()
                .throwException(new IllegalStateException("boom with the code " + OktaRequest.OTP)));
        camel.start();

        Answer answer = new OktaClient(oktaPort.port()).post(OktaRequest.sms().json(), "Authorization",
                "Basic YWRtaW46c3VwZXJzZWNyZXQ=");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.actionStatus()).isEqualTo("FAILED");
        assertThat(answer.metadata()).isEqualTo("reason=internal-error");
        assertThat(output.getAll()).contains("exception=java.lang.IllegalStateException")
                .doesNotContain(OktaRequest.OTP).doesNotContain("\tat io.telephonyhook");
    }
}
