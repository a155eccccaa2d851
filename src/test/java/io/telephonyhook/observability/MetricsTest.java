package io.telephonyhook.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.Prometheus;

/** Calls over HTTP, then what a Prometheus scrape of /actuator/prometheus shows for them. */
class MetricsTest extends HookTestSupport {

    private static final String CALLS = "telephony_hook_calls_total";

    Prometheus prometheus;

    @BeforeEach
    void scraper() {
        prometheus = new Prometheus(managementUrl());
    }

    @Test
    void anSmsAndACallAreCountedByChannelRequestTypeAndOutcome() {
        Map<String, String> sms = Map.of("channel", "sms", "request_type", "mfa-verification",
                "outcome", "successful", "reason", "none");
        Map<String, String> voice = Map.of("channel", "voice", "outcome", "successful");
        double smsBefore = prometheus.value(CALLS, sms);
        double voiceBefore = prometheus.value(CALLS, voice);
        double durationsBefore = prometheus.value("telephony_hook_call_duration_seconds_count", Map.of("channel", "sms"));

        okta.post(OktaRequest.sms());
        okta.post(OktaRequest.voice());

        assertThat(prometheus.value(CALLS, sms)).isEqualTo(smsBefore + 1);
        assertThat(prometheus.value(CALLS, voice)).isEqualTo(voiceBefore + 1);
        assertThat(prometheus.value("telephony_hook_call_duration_seconds_count", Map.of("channel", "sms")))
                .isEqualTo(durationsBefore + 1);
        String scrape = prometheus.scrape();
        assertThat(scrape).contains("telephony_hook_call_duration_seconds_bucket{channel=\"sms\",outcome=\"successful\",le=");
        assertThat(scrape).contains("telephony_hook_twilio_request_duration_seconds_bucket{account=\"primary\",channel=\"voice\",result=\"201\",le=");
    }

    @Test
    void aTwilioRejectionIsCountedWithItsReasonAndErrorCode() {
        Map<String, String> rejected = Map.of("channel", "sms", "outcome", "failed", "reason", "twilio_rejected");
        Map<String, String> code = Map.of("channel", "sms", "code", "21614");
        double rejectedBefore = prometheus.value(CALLS, rejected);
        double codeBefore = prometheus.value("telephony_hook_twilio_errors_total", code);
        double requestsBefore = prometheus.value("telephony_hook_twilio_request_duration_seconds_count",
                Map.of("channel", "sms", "result", "400"));
        twilio.failWith(400, 21614);

        okta.post(OktaRequest.sms());

        assertThat(prometheus.value(CALLS, rejected)).isEqualTo(rejectedBefore + 1);
        assertThat(prometheus.value("telephony_hook_twilio_errors_total", code)).isEqualTo(codeBefore + 1);
        assertThat(prometheus.value("telephony_hook_twilio_request_duration_seconds_count",
                Map.of("channel", "sms", "result", "400"))).isEqualTo(requestsBefore + 1);
    }

    @Test
    void anOpenBreakerShowsInItsStateAndInTheCallsItAnswered() {
        Map<String, String> circuitOpen = Map.of("channel", "voice", "reason", "circuit_open");
        double before = prometheus.value(CALLS, circuitOpen);
        breaker("telephony-hook-twilio-voice").transitionToOpenState();

        okta.post(OktaRequest.voice());

        assertThat(prometheus.value(CALLS, circuitOpen)).isEqualTo(before + 1);
        assertThat(prometheus.value("resilience4j_circuitbreaker_state", Map.of("name", "telephony-hook-twilio-voice", "state", "open")))
                .isEqualTo(1.0);
        assertThat(prometheus.value("resilience4j_circuitbreaker_state", Map.of("name", "telephony-hook-twilio-sms", "state", "closed")))
                .isEqualTo(1.0);
    }

    @Test
    void refusedCallsAreCountedToo() {
        Map<String, String> unauthenticated = Map.of("outcome", "refused", "reason", "unauthenticated");
        Map<String, String> malformed = Map.of("outcome", "refused", "reason", "malformed");
        double unauthenticatedBefore = prometheus.value(CALLS, unauthenticated);
        double malformedBefore = prometheus.value(CALLS, malformed);

        okta.post(OktaRequest.sms().json(), null, null);
        okta.post("{bad json", "Authorization", io.telephonyhook.support.OktaClient.SECRET);

        assertThat(prometheus.value(CALLS, unauthenticated)).isEqualTo(unauthenticatedBefore + 1);
        assertThat(prometheus.value(CALLS, malformed)).isEqualTo(malformedBefore + 1);
    }

    @Test
    void oversizedAndNonJsonBodiesAreCountedAsRefused() {
        Map<String, String> tooLarge = Map.of("outcome", "refused", "reason", "too_large");
        Map<String, String> notJson = Map.of("outcome", "refused", "reason", "unsupported_media_type");
        double tooLargeBefore = prometheus.value(CALLS, tooLarge);
        double notJsonBefore = prometheus.value(CALLS, notJson);

        okta.post(OktaRequest.sms().template("x".repeat(70 * 1024)));
        postAsText(OktaRequest.sms().json());

        assertThat(prometheus.value(CALLS, tooLarge)).isEqualTo(tooLargeBefore + 1);
        assertThat(prometheus.value(CALLS, notJson)).isEqualTo(notJsonBefore + 1);
    }

    @Test
    void aCallCutByTheDeadlineShowsInTheTwilioRequestResults() {
        Map<String, String> deadline = Map.of("channel", "sms", "result", "deadline");
        double before = prometheus.value("telephony_hook_twilio_request_duration_seconds_count", deadline);
        twilio.script(request -> io.telephonyhook.support.TwilioStandIn.Reply.hang());

        okta.post(OktaRequest.sms());

        assertThat(prometheus.value("telephony_hook_twilio_request_duration_seconds_count", deadline))
                .isEqualTo(before + 1);
    }

    @Test
    void theScrapeHoldsNoCodeNumberOrSecret() {
        okta.post(OktaRequest.sms().otp("55443322"));

        assertThat(prometheus.scrape()).doesNotContain("55443322").doesNotContain("4155552671")
                .doesNotContain(io.telephonyhook.support.OktaClient.SECRET.substring(6));
    }

    private void postAsText(String body) {
        try {
            java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(okta.hookUrl())
                    .header("Content-Type", "text/plain").header("Authorization", io.telephonyhook.support.OktaClient.SECRET)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void camelsOwnRouteMetricsAreThere() {
        Map<String, String> hook = Map.of("routeId", "telephony-hook");
        Map<String, String> sms = Map.of("routeId", "telephony-hook-sms");
        Map<String, String> primary = Map.of("routeId", "telephony-hook-sms-primary");
        double callsBefore = prometheus.value("camel_exchanges_total", hook);
        double timedBefore = prometheus.value("camel_route_policy_seconds_count", hook);
        double smsBefore = prometheus.value("camel_exchanges_succeeded_total", sms);
        double primaryBefore = prometheus.value("camel_route_policy_seconds_count", primary);

        okta.post(OktaRequest.sms());

        assertThat(prometheus.value("camel_exchanges_total", hook)).isEqualTo(callsBefore + 1);
        assertThat(prometheus.value("camel_route_policy_seconds_count", hook)).isEqualTo(timedBefore + 1);
        assertThat(prometheus.value("camel_exchanges_succeeded_total", sms)).isEqualTo(smsBefore + 1);
        assertThat(prometheus.value("camel_route_policy_seconds_count", primary)).isEqualTo(primaryBefore + 1);
        assertThat(camel.getRoute("telephony-hook").getRoutePolicyList())
                .as("the standalone application's policy, which makes its timer's key once per route")
                .extracting(policy -> policy.getClass().getSimpleName()).containsExactly("RouteMetricsPolicy");
        assertThat(prometheus.scrape()).as("the routes that only hand a call on are not metered")
                .doesNotContain("routeId=\"telephony-hook-url\"").doesNotContain("routeId=\"telephony-hook-answer\"");
    }

    /** A caller cannot grow the series without bound: 50 distinct Twilio error codes as sent, the rest as "other". */
    @Test
    void twilioErrorCodesAreCappedAtFiftyDistinctValues() {
        for (int code = 0; code < 60; code++) {
            int twilioCode = 61000 + code;
            twilio.failWith(400, twilioCode);
            assertThat(okta.post(OktaRequest.sms()).metadata()).contains("twilioError=" + twilioCode);
        }

        java.util.Set<String> codes = new java.util.TreeSet<>();
        java.util.regex.Matcher series = java.util.regex.Pattern
                .compile("telephony_hook_twilio_errors_total\\{[^}]*code=\"([^\"]+)\"").matcher(prometheus.scrape());
        while (series.find()) {
            codes.add(series.group(1));
        }
        assertThat(codes).contains("other").hasSize(51); // 50 codes (these and other tests' in this context) + other
        assertThat(prometheus.value("telephony_hook_twilio_errors_total", Map.of("channel", "sms", "code", "other")))
                .isGreaterThanOrEqualTo(10);
    }
}
