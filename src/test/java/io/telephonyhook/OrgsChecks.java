package io.telephonyhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.telephonyhook.support.DeliveryViewer;
import io.telephonyhook.support.JarProcess;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.ThreeOrgs;
import io.telephonyhook.support.TwilioStandIn;

/**
 * Three Okta orgs on one hook, as docs/orgs.md promises them, against a host started as a process of its own: two
 * orgs with header secrets (one read from an environment variable), one with OAuth against a JWKS on loopback, each
 * with its own Twilio stand-in account and sender. The file is edited last, while the host runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class OrgsChecks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ThreeOrgs orgs = new ThreeOrgs(true);
    private final TwilioStandIn hookAccount = TwilioStandIn.start();
    private JarProcess host;
    private OktaClient okta;
    private int managementPort;

    /** The host's jar, the line it logs once it serves, and where its metrics and deliveries are. */
    abstract Path jar();

    abstract String startedLine();

    abstract String metricsPath();

    abstract String deliveriesPath();

    @BeforeAll
    void startHost() throws Exception {
        managementPort = JarProcess.freePort();
        Map<String, String> environment = JarProcess.hookEnvironment(hookAccount);
        environment.put("MANAGEMENT_PORT", String.valueOf(managementPort));
        environment.put("HOOK_ORGS_FILE", orgs.file().toString());
        environment.putAll(orgs.environment());
        host = JarProcess.start(jar(), Files.createTempDirectory("orgs"), environment, startedLine());
        okta = new OktaClient(host.port());
    }

    @AfterAll
    void stopHost() throws Exception {
        if (host != null) {
            host.close();
        }
        orgs.close();
    }

    @BeforeEach
    void freshStandIns() {
        List.of(orgs.acme, orgs.beta, orgs.gamma, hookAccount).forEach(TwilioStandIn::reset);
    }

    @Test
    @Order(1)
    void eachOrgsCallGoesOutThroughItsOwnAccountAndSender() {
        assertThat(acme(OktaRequest.sms().eventId("orgs-acme")).actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(beta(OktaRequest.voice(), ThreeOrgs.BETA_SECRET).actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(gamma(OktaRequest.sms()).actionStatus()).isEqualTo("SUCCESSFUL");

        assertThat(orgs.acme.received()).singleElement()
                .satisfies(sent -> assertThat(sent.field("From")).isEqualTo(ThreeOrgs.ACME_FROM));
        assertThat(orgs.beta.received()).singleElement()
                .satisfies(sent -> assertThat(sent.field("From")).isEqualTo(ThreeOrgs.BETA_FROM));
        assertThat(orgs.gamma.received()).singleElement()
                .satisfies(sent -> assertThat(sent.field("From")).isEqualTo(ThreeOrgs.GAMMA_FROM));
        assertThat(hookAccount.received()).isEmpty();
    }

    @Test
    @Order(2)
    void anotherOrgsSecretAnUnknownOrgAndNoOrgAreOktas401AndNothingIsSent() {
        String body = OktaRequest.sms().json();
        for (Answer refused : List.of(
                okta.post(body, "Authorization", ThreeOrgs.ACME_SECRET, "/telephonyHook/beta"),
                okta.post(body, ThreeOrgs.BETA_HEADER, ThreeOrgs.BETA_SECRET, "/telephonyHook/acme"),
                okta.post(body, "Authorization", ThreeOrgs.ACME_SECRET, "/telephonyHook/nobody"),
                okta.post(body, "Authorization", OktaClient.SECRET, "/telephonyHook"))) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().at("/error/errorSummary").asText()).isEqualTo("Unauthorized");
        }
        List.of(orgs.acme, orgs.beta, orgs.gamma, hookAccount).forEach(account ->
                assertThat(account.received()).isEmpty());
    }

    @Test
    @Order(3)
    void theSameEventIdIsTwoCodesInTwoOrgsAndOneWithinAnOrg() {
        OktaRequest call = OktaRequest.sms().phone("+14155552001");
        assertThat(acme(call).actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(acme(call).actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(beta(call, ThreeOrgs.BETA_SECRET).actionStatus()).isEqualTo("SUCCESSFUL");

        assertThat(orgs.acme.received()).hasSize(1);
        assertThat(orgs.beta.received()).hasSize(1);
    }

    @Test
    @Order(4)
    void oneOrgsRateLimitDoesNotConsumeAnothers() {
        String number = "+14155552002";
        for (int i = 0; i < ThreeOrgs.ACME_LIMIT; i++) {
            assertThat(acme(OktaRequest.sms().phone(number)).actionStatus()).isEqualTo("SUCCESSFUL");
        }
        assertThat(acme(OktaRequest.sms().phone(number)).metadata()).isEqualTo("reason=rate-limited");
        assertThat(beta(OktaRequest.sms().phone(number), ThreeOrgs.BETA_SECRET).actionStatus())
                .isEqualTo("SUCCESSFUL");
    }

    @Test
    @Order(5)
    void metricsAndDeliveriesShowTheOrgAndNoSecret() throws Exception {
        String metrics = get(metricsPath()).body();
        assertThat(metrics).containsPattern("telephony_hook_calls_total\\{[^}]*org=\"acme\"")
                .containsPattern("telephony_hook_calls_total\\{[^}]*org=\"gamma\"");
        JsonNode delivery = JSON.readTree(get(deliveriesPath() + "?eventId=orgs-acme").body()).at("/deliveries/0");
        assertThat(delivery.path("org").asText()).isEqualTo("acme");
        String lookups = get(deliveriesPath() + "?status=queued&limit=200").body();
        for (String secret : List.of(ThreeOrgs.ACME_SECRET, ThreeOrgs.BETA_SECRET, "acme-twilio-token",
                "beta-twilio-token", "gamma-twilio-token")) {
            assertThat(metrics).doesNotContain(secret);
            assertThat(lookups).doesNotContain(secret);
            assertThat(host.logText()).doesNotContain(secret);
        }
    }

    @Test
    @Order(6)
    void editsAreServedWithinSecondsAndAMistakeChangesNothing() throws Exception {
        orgs.write(orgs.acmeEntry() + orgs.betaEntry(ThreeOrgs.BETA_ROTATED_SECRET) + orgs.gammaEntry()
                + "delta:\n  auth-secret-file: " + orgs.file().resolveSibling("acme-secret") + "\n");
        assertThat(eventually(() -> beta(OktaRequest.sms(), ThreeOrgs.BETA_ROTATED_SECRET).status() == 200)).isTrue();
        assertThat(okta.post(OktaRequest.sms().json(), "Authorization", ThreeOrgs.ACME_SECRET, "/telephonyHook/delta")
                .actionStatus()).isEqualTo("SUCCESSFUL");

        orgs.write(orgs.orgs().replace("twilio-from-number", "twilio-from-numbr"));
        assertThat(eventually(() -> logged("(the orgs stay as they were)"))).isTrue();
        assertThat(host.logText()).contains("HOOK_ORGS_FILE " + orgs.file() + " line ");
        assertThat(beta(OktaRequest.sms(), ThreeOrgs.BETA_ROTATED_SECRET).actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(okta.post(OktaRequest.sms().json(), "Authorization", ThreeOrgs.ACME_SECRET, "/telephonyHook/delta")
                .actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(host.logText()).doesNotContain(ThreeOrgs.BETA_ROTATED_SECRET);
    }

    private Answer acme(OktaRequest call) {
        return okta.post(call.source(ThreeOrgs.ACME_ORIGIN + "/api/v1/inlineHooks/calAcme").json(), "Authorization",
                ThreeOrgs.ACME_SECRET, "/telephonyHook/acme");
    }

    private Answer beta(OktaRequest call, String secret) {
        return okta.post(call.json(), ThreeOrgs.BETA_HEADER, secret, "/telephonyHook/beta");
    }

    private Answer gamma(OktaRequest call) {
        return okta.post(call.json(), "Authorization", "Bearer " + orgs.gammaOkta.accessToken(), "/telephonyHook/gamma");
    }

    private boolean logged(String text) {
        try {
            return host.logText().contains(text);
        } catch (Exception unreadable) {
            return false;
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                .header("Authorization", DeliveryViewer.HEADER).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }
}
