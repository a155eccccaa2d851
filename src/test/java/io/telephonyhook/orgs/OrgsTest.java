package io.telephonyhook.orgs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.telephonyhook.support.DeliveryViewer;
import io.telephonyhook.support.LiveHook;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.Prometheus;
import io.telephonyhook.support.ThreeOrgs;
import io.telephonyhook.support.TwilioCallback;
import io.telephonyhook.support.TwilioStandIn;

/**
 * Three Okta orgs on one standalone hook (docs/orgs.md), each with its own credentials and its own Twilio account (a
 * stand-in of its own on loopback): each org's calls go through its own account, only its credentials pass on its URL,
 * and nothing of one org (repeats, rate limits, breakers, status reports) touches another's.
 */
@ExtendWith(OutputCaptureExtension.class)
class OrgsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NUMBERS = new AtomicInteger(2000);
    private static final ThreeOrgs orgs = new ThreeOrgs(false);
    private static final TwilioStandIn hookAccount = TwilioStandIn.start();
    private static LiveHook hook;
    private static int port;

    @BeforeAll
    static void start() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> settings = new HashMap<>(orgs.settings());
        settings.put("server.port", String.valueOf(port));
        settings.put("hook.public-url", "http://127.0.0.1:" + port);
        hook = LiveHook.start(hookAccount, settings);
    }

    @AfterAll
    static void stop() {
        hook.close();
        orgs.close();
    }

    @BeforeEach
    void fresh() {
        List.of(orgs.acme, orgs.beta, orgs.gamma, hookAccount).forEach(TwilioStandIn::reset);
    }

    @Test
    void eachOrgsCallGoesOutThroughItsOwnAccountAndSender() {
        assertThat(acme(OktaRequest.sms()).actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(beta(OktaRequest.voice(), ThreeOrgs.BETA_SECRET).actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(gamma(OktaRequest.sms()).actionStatus()).isEqualTo("SUCCESSFUL");

        assertThat(orgs.acme.received()).singleElement().satisfies(sent -> {
            assertThat(sent.path()).contains("/Messages");
            assertThat(sent.field("From")).isEqualTo(ThreeOrgs.ACME_FROM);
        });
        assertThat(orgs.beta.received()).singleElement().satisfies(sent -> {
            assertThat(sent.path()).contains("/Calls");
            assertThat(sent.field("From")).isEqualTo(ThreeOrgs.BETA_FROM);
        });
        assertThat(orgs.gamma.received()).singleElement()
                .satisfies(sent -> assertThat(sent.field("From")).isEqualTo(ThreeOrgs.GAMMA_FROM));
        assertThat(hookAccount.received()).isEmpty();
    }

    @Test
    void anotherOrgsSecretAnUnknownOrgAndNoOrgAreAllTheSame401() {
        String body = OktaRequest.sms().json();
        Answer acmeSecretOnBeta = okta().post(body, "Authorization", ThreeOrgs.ACME_SECRET, "/telephonyHook/beta");
        Answer unknownOrg = okta().post(body, "Authorization", ThreeOrgs.ACME_SECRET, "/telephonyHook/nobody");
        Answer noOrg = okta().post(body, "Authorization", OktaClient.SECRET, "/telephonyHook");
        Answer wrongSecret = okta().post(body, "Authorization", ThreeOrgs.ACME_SECRET + "x", "/telephonyHook/acme");

        for (Answer refused : List.of(acmeSecretOnBeta, unknownOrg, noOrg, wrongSecret)) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json()).isEqualTo(wrongSecret.json());
            assertThat(refused.raw().headers().firstValue("Content-Type")).hasValue("application/json");
        }
        assertThat(wrongSecret.json().at("/error/errorSummary").asText()).isEqualTo("Unauthorized");
        List.of(orgs.acme, orgs.beta, orgs.gamma, hookAccount).forEach(account -> assertThat(account.received())
                .isEmpty());
    }

    @Test
    void aCallWhoseSourceIsAnotherOktaOrgIs401() {
        Answer elsewhere = asAcme(OktaRequest.sms().source("https://evil.okta.com/api/v1/inlineHooks/cal1"));
        Answer noSource = asAcme(OktaRequest.sms().source(""));

        assertThat(elsewhere.status()).isEqualTo(401);
        assertThat(noSource.status()).isEqualTo(401);
        assertThat(orgs.acme.received()).isEmpty();
    }

    @Test
    void theSameEventIdInTwoOrgsIsTwoCodesAndARepeatWithinOneIsOne() {
        OktaRequest call = OktaRequest.sms();

        Answer acmeFirst = acme(call);
        Answer acmeRepeat = acme(call);
        Answer betaFirst = beta(call, ThreeOrgs.BETA_SECRET);

        assertThat(List.of(acmeFirst, acmeRepeat, betaFirst)).allMatch(a -> a.actionStatus().equals("SUCCESSFUL"));
        assertThat(acmeRepeat.action().path("transactionId")).isEqualTo(acmeFirst.action().path("transactionId"));
        assertThat(orgs.acme.received()).hasSize(1);
        assertThat(orgs.beta.received()).hasSize(1);
    }

    @Test
    void oneOrgsRateLimitDoesNotConsumeAnothers() {
        String phone = freshNumber();
        IntStream.range(0, ThreeOrgs.ACME_LIMIT).forEach(i ->
                assertThat(acme(OktaRequest.sms().phone(phone)).actionStatus()).isEqualTo("SUCCESSFUL"));

        Answer overAcmesLimit = acme(OktaRequest.sms().phone(phone));
        Answer beta = beta(OktaRequest.sms().phone(phone), ThreeOrgs.BETA_SECRET);

        assertThat(overAcmesLimit.metadata()).isEqualTo("reason=rate-limited");
        assertThat(beta.actionStatus()).isEqualTo("SUCCESSFUL");
    }

    @Test
    void metricsLogsAndDeliveriesCarryTheOrgAndNoSecret(CapturedOutput output) throws Exception {
        OktaRequest call = OktaRequest.sms();
        Prometheus prometheus = new Prometheus(hook.managementUrl());
        double before = prometheus.value("telephony_hook_calls_total", Map.of("org", "gamma", "outcome", "successful"));

        assertThat(gamma(call).actionStatus()).isEqualTo("SUCCESSFUL");

        assertThat(prometheus.value("telephony_hook_calls_total", Map.of("org", "gamma", "outcome", "successful")))
                .isEqualTo(before + 1);
        assertThat(prometheus.value("telephony_hook_authentications_total",
                Map.of("org", "gamma", "credential", "oauth"))).isPositive();
        assertThat(prometheus.value("telephony_hook_twilio_request_duration_seconds_count",
                Map.of("account", "gamma", "channel", "sms"))).as("its own account's requests").isPositive();
        double refused = prometheus.value("telephony_hook_calls_total", Map.of("org", "none", "outcome", "refused"));
        assertThat(beta(OktaRequest.sms(), "not-beta's-secret").status()).isEqualTo(401);
        assertThat(prometheus.value("telephony_hook_calls_total", Map.of("org", "none", "outcome", "refused")))
                .as("a refused call's org").isEqualTo(refused + 1);
        JsonNode delivery = get("/actuator/deliveries?eventId=" + call.eventId()).path("deliveries").path(0);
        assertThat(delivery.path("org").asText()).isEqualTo("gamma");
        assertThat(delivery.path("account").asText()).isEqualTo("gamma");
        assertThat(get("/actuator/deliveries?status=queued&limit=200&org=acme").path("deliveries").findValuesAsText("sid"))
                .doesNotContain(delivery.path("sid").asText());
        assertThat(output.getAll()).contains("org=gamma eventId=" + call.eventId());

        String everything = output.getAll() + prometheus.scrape() + get("/actuator/deliveries?status=queued&limit=200");
        assertThat(everything).doesNotContain(ThreeOrgs.ACME_SECRET, ThreeOrgs.BETA_SECRET, "acme-twilio-token",
                "beta-twilio-token", "gamma-twilio-token", orgs.gammaOkta.accessToken());
    }

    @Test
    void aStatusReportCountsOnlyWhenSignedByTheAccountOfTheOrgThatSentIt() throws Exception {
        Answer sent = acme(OktaRequest.sms());
        String sid = sent.action().path("transactionId").asText();
        URI callback = URI.create("http://127.0.0.1:" + port + "/twilio/status");
        Map<String, String> acmeReport = new HashMap<>(TwilioCallback.smsStatus(sid, "delivered", null));
        acmeReport.put("AccountSid", orgs.acme.accountSid());
        Map<String, String> betaReport = new HashMap<>(TwilioCallback.smsStatus(sid, "failed", 30008));
        betaReport.put("AccountSid", orgs.beta.accountSid());

        HttpResponse<String> signedByBeta = TwilioCallback.post(callback, betaReport,
                TwilioCallback.signature("beta-twilio-token", callback.toString(), betaReport));
        HttpResponse<String> signedByAcme = TwilioCallback.post(callback, acmeReport,
                TwilioCallback.signature("acme-twilio-token", callback.toString(), acmeReport));

        assertThat(signedByBeta.statusCode()).isEqualTo(403);
        assertThat(signedByAcme.statusCode()).isEqualTo(200);
        assertThat(get("/actuator/deliveries?sid=" + sid).path("deliveries").path(0).path("status").asText())
                .isEqualTo("delivered");
    }

    @Test
    void oneOrgsTwilioOutageOpensItsOwnBreakerOnly() throws Exception {
        orgs.beta.failWith(503, 20503);
        IntStream.range(0, 12).forEach(i -> beta(OktaRequest.sms(), ThreeOrgs.BETA_SECRET));

        JsonNode breakers = get("/actuator/health").path("components").path("telephonyHook").path("details")
                .path("breakers");
        assertThat(breakers.path("telephony-hook-twilio-beta-sms").asText()).isEqualTo("OPEN");
        assertThat(breakers.path("telephony-hook-twilio-acme-sms").asText()).isEqualTo("CLOSED");
        assertThat(breakers.path("telephony-hook-twilio-sms").asText()).isEqualTo("CLOSED");
        assertThat(acme(OktaRequest.sms()).actionStatus()).isEqualTo("SUCCESSFUL");
        orgs.beta.reset();
    }

    private static OktaClient okta() {
        return new OktaClient(port);
    }

    /**
     * A call of acme's Okta org (its source), with acme's secret, to acme's URL; to a number of its own unless the
     * test gives one (acme has a rate limit per number).
     */
    private static Answer acme(OktaRequest call) {
        if (call.json().contains(OktaRequest.PHONE)) {
            call.phone(freshNumber());
        }
        return asAcme(call.source(ThreeOrgs.ACME_ORIGIN + "/api/v1/inlineHooks/calAcme"));
    }

    private static String freshNumber() {
        return "+1415555" + String.format("%04d", NUMBERS.incrementAndGet());
    }

    /** With acme's secret, to acme's URL, with the source it has. */
    private static Answer asAcme(OktaRequest call) {
        return okta().post(call.json(), "Authorization", ThreeOrgs.ACME_SECRET, "/telephonyHook/acme");
    }

    private static Answer beta(OktaRequest call, String secret) {
        return okta().post(call.json(), ThreeOrgs.BETA_HEADER, secret, "/telephonyHook/beta");
    }

    private static Answer gamma(OktaRequest call) {
        return okta().post(call.json(), "Authorization", "Bearer " + orgs.gammaOkta.accessToken(),
                "/telephonyHook/gamma");
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                hook.managementUrl().resolve(path)).header("Authorization", DeliveryViewer.HEADER).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
