package io.telephonyhook.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaRequest;

/**
 * {@link MetricsTest} with Okta's port on Tomcat ({@code HTTP_SERVER=tomcat}), behind the servlet guards an application
 * that embeds the hook runs, where Spring MVC's own meters would time Okta's calls too.
 */
@TestPropertySource(properties = HookTestSupport.ON_TOMCAT)
class MetricsOnTomcatTest extends MetricsTest {

    /**
     * Okta's calls are timed once, by the hook's own meters: Spring MVC's http_server_requests leaves the hook's path
     * (and an org's) out, and still times the application's other paths.
     */
    @Test
    void theHooksPathIsMeasuredOnlyByTheHooksOwnMeters() {
        okta.post(OktaRequest.sms());
        okta.post(OktaRequest.sms().json(), "Authorization", OktaClient.SECRET, "/telephonyHook/acme");
        okta.post(OktaRequest.sms().json(), "Authorization", OktaClient.SECRET, "/not-the-hook");

        String scrape = prometheus.scrape();
        assertThat(scrape).doesNotContain("uri=\"/telephonyHook").contains("http_server_requests_seconds_count{");
        assertThat(prometheus.value("telephony_hook_call_duration_seconds_count", Map.of("channel", "sms")))
                .isPositive();
    }
}
