package io.telephonyhook.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.LeakedForms;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaRequest;

/**
 * A form content type is refused 415 with Okta's error object before anything parses the body: the servlet
 * container and Camel's HTTP consumer would read a form body as parameters, and log it (code and number included)
 * when that fails.
 */
@ExtendWith(OutputCaptureExtension.class)
class FormContentTypeTest extends HookTestSupport {

    private static final String OTP = "55019283";

    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain"})
    void aBodyThatIsNotDeclaredJsonIs415AndNeverLogged(String contentType, CapturedOutput output) throws Exception {
        for (String body : new String[] {OktaRequest.sms().otp(OTP).json(), "a=b&otp=" + OTP}) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(okta.hookUrl())
                    .header("Content-Type", contentType).header("Authorization", OktaClient.SECRET)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(415);
            assertThat(new ObjectMapper().readTree(response.body()).at("/error/errorCauses/0/reason").asText())
                    .isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        }
        assertThat(twilio.received()).isEmpty();
        assertThat(output.getAll()).contains("status=415").doesNotContain(LeakedForms.ofCode(OTP))
                .doesNotContain(OktaRequest.PHONE).doesNotContain("4155552671");
    }
}
