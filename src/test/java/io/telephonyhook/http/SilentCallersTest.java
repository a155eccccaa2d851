package io.telephonyhook.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.RawHttp;

/**
 * With Okta's port on Tomcat, a caller that stops sending in the middle of its request is cut off after 2 s of silence
 * (the standalone application's {@code server.tomcat.connection-timeout}): closed in its headers, answered 400 in its
 * body, and nothing is sent (on Vert.x, the default, the headers' limit is the same and a silent body is answered 408
 * at the call's deadline: {@code OktaPortOnVertxIT}). The timeout counts silence per read, not the whole request: a caller that keeps trickling bytes
 * is not cut off by it.
 */
@TestPropertySource(properties = HookTestSupport.ON_TOMCAT)
class SilentCallersTest extends HookTestSupport {

    private static final Duration SILENCE_ALLOWED = Duration.ofSeconds(2);

    @Test
    void aCallerSilentInItsHeadersIsCutOff() throws Exception {
        assertCutOffAfterSilence("POST /telephonyHook HTTP/1.1\r\nHost: localhost\r\nContent-Type: appl");
    }

    @Test
    void aCallerWithTheSecretSilentInItsBodyIsCutOff() throws Exception {
        assertCutOffAfterSilence("POST /telephonyHook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: " + OktaClient.SECRET + "\r\nContent-Length: 500\r\n\r\n{\"data\":{\"messageProfile\"");
    }

    private void assertCutOffAfterSilence(String partialRequest) throws Exception {
        try (RawHttp raw = new RawHttp(okta.hookUrl().getPort())) {
            long start = System.nanoTime();
            String answer = raw.send(partialRequest).readResponse(Duration.ofSeconds(10));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(raw.closedByServer() || answer.startsWith("HTTP/1.1 400"))
                    .as("closed, or answered 400 (the body never came); it answered %s", answer).isTrue();
            assertThat(took).isGreaterThanOrEqualTo(SILENCE_ALLOWED.minusMillis(100)).isLessThan(Duration.ofSeconds(6));
            assertThat(answer).doesNotContain("SUCCESSFUL");
            assertThat(twilio.received()).isEmpty();
        }
    }
}
