package io.telephonyhook.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaRequest;

/** Every refused call leaves a line with its HTTP status and the reason, and nothing of the request's secrets. */
@ExtendWith(OutputCaptureExtension.class)
class RefusedCallsLogTest extends HookTestSupport {

    @Test
    void refusedCallsAreLoggedWithTheirStatus(CapturedOutput output) throws Exception {
        String sms = OktaRequest.sms().json();
        assertThat(okta.post(sms, "Authorization", "Basic wrong").status()).isEqualTo(401);
        assertThat(okta.post("{}", "Authorization", OktaClient.SECRET).status()).isEqualTo(400);
        assertThat(post("text/plain", sms).statusCode()).isEqualTo(415);
        assertThat(post("application/json", OktaRequest.sms().template("x".repeat(70 * 1024)).json()).statusCode())
                .isEqualTo(413);

        assertThat(output.getAll())
                .contains("status=401 reason=\"wrong Authorization header\"")
                .contains("status=400 reason=\"data.messageProfile is missing\"")
                .contains("status=415 reason=\"Content-Type 'text/plain' is not JSON\"")
                .contains("status=413 reason=\"body over 65536 bytes\"")
                .doesNotContain("Basic wrong").doesNotContain(OktaRequest.OTP);
    }

    private HttpResponse<String> post(String contentType, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(okta.hookUrl())
                .header("Content-Type", contentType).header("Authorization", OktaClient.SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
