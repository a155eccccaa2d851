package io.telephonyhook.orgs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.telephonyhook.support.LiveHook;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.Prometheus;
import io.telephonyhook.support.ThreeOrgs;
import io.telephonyhook.support.TwilioStandIn;
import io.telephonyhook.support.TwilioStandIn.Reply;

/**
 * The orgs file edited while the hook runs (docs/orgs.md, "Rotating an org's secret", "Adding an org"): each change
 * served within seconds with no restart and no call in flight dropped, and a change with a mistake refused, logged and
 * counted while the orgs answer as before. One hook, its changes in order.
 */
@ExtendWith(OutputCaptureExtension.class)
class OrgsFileChangesTest {

    /** The file is read again every two seconds: a change is served within a few. */
    private static final Duration WITHIN = Duration.ofSeconds(8);
    private static final ThreeOrgs orgs = new ThreeOrgs(false);
    private static final TwilioStandIn hookAccount = TwilioStandIn.start();
    private static final String IN_FLIGHT = "+14155550199";
    private static LiveHook hook;

    @BeforeAll
    static void start() {
        Map<String, String> settings = new HashMap<>(orgs.settings());
        settings.put("hook.deadline", "3000ms"); // Okta's whole 3 s: room for a call in flight across a reading
        hook = LiveHook.start(hookAccount, settings);
    }

    @AfterAll
    static void stop() {
        hook.close();
        orgs.close();
    }

    @Test
    void rotatedSecretsNewOrgsAndMistakesWhileTheHookRuns(CapturedOutput output) throws Exception {
        OktaClient okta = hook.okta();
        Prometheus prometheus = new Prometheus(hook.managementUrl());
        assertThat(beta(okta, ThreeOrgs.BETA_ROTATED_SECRET).status()).isEqualTo(401);
        assertThat(delta(okta).status()).isEqualTo(401);

        // a fourth org, on the hook's own Twilio account
        String delta = "delta:\n  auth-secret-file: " + orgs.file().resolveSibling("acme-secret") + "\n";
        orgs.write(orgs.orgs() + delta);
        assertThat(eventually(() -> delta(okta).status() == 200)).isTrue();
        assertThat(hookAccount.received()).hasSize(1);

        // beta's secret rotated (its first still accepted, as the previous) while one of its calls is in flight:
        // the file is read again (every 2 s) before Twilio answers that call, which finishes with the org it began with
        orgs.beta.script(request -> IN_FLIGHT.equals(request.field("To")) ? Reply.acceptAfter(Duration.ofMillis(2500))
                : Reply.accept());
        OktaRequest acrossTheReload = OktaRequest.sms().phone(IN_FLIGHT).eventId("beta-across-the-reload");
        CompletableFuture<Answer> inFlight = CompletableFuture.supplyAsync(() -> okta.post(acrossTheReload.json(),
                ThreeOrgs.BETA_HEADER, ThreeOrgs.BETA_SECRET, "/telephonyHook/beta"));
        Thread.sleep(100);
        orgs.write(orgs.acmeEntry() + orgs.betaEntry(ThreeOrgs.BETA_ROTATED_SECRET) + orgs.gammaEntry() + delta);

        assertThat(eventually(() -> beta(okta, ThreeOrgs.BETA_ROTATED_SECRET).status() == 200)).isTrue();
        assertThat(inFlight).as("still in flight when the rotation was served").isNotDone();
        assertThat(inFlight.get().actionStatus()).isEqualTo("SUCCESSFUL");
        // Okta's retry of that eventId, after the reload, under the new secret: the first answer, no second code
        Answer retry = okta.post(acrossTheReload.json(), ThreeOrgs.BETA_HEADER, ThreeOrgs.BETA_ROTATED_SECRET,
                "/telephonyHook/beta");
        assertThat(retry.action().path("transactionId").asText())
                .isEqualTo(inFlight.get().action().path("transactionId").asText());
        assertThat(orgs.beta.received()).filteredOn(sent -> IN_FLIGHT.equals(sent.field("To"))).hasSize(1);
        assertThat(beta(okta, ThreeOrgs.BETA_SECRET).actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(prometheus.value("telephony_hook_authentications_total",
                Map.of("org", "beta", "credential", "previous-secret"))).isEqualTo(1);

        // a mistake: refused in one line naming the file and the line, and the orgs answer as before
        orgs.write(orgs.acmeEntry() + "beta:\n  auth-secret-env: NO_SUCH_VARIABLE_IS_SET\n" + orgs.gammaEntry());
        assertThat(eventually(() -> prometheus.value("telephony_hook_orgs_reloads_total",
                Map.of("outcome", "refused")) == 1)).isTrue();
        assertThat(output.getAll()).contains("HOOK_ORGS_FILE " + orgs.file() + " line ")
                .contains("beta's auth-secret-env names NO_SUCH_VARIABLE_IS_SET, which is not set")
                .contains("(the orgs stay as they were)");
        assertThat(beta(okta, ThreeOrgs.BETA_ROTATED_SECRET).actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(delta(okta).actionStatus()).isEqualTo("SUCCESSFUL");

        // the rotation's end: the previous secret gone; and delta removed
        orgs.write(orgs.acmeEntry() + orgs.betaEntry(ThreeOrgs.BETA_ROTATED_SECRET)
                .replaceAll("(?m)^  auth-secret-previous-.*\\n", "") + orgs.gammaEntry());
        assertThat(eventually(() -> delta(okta).status() == 401)).isTrue();
        assertThat(beta(okta, ThreeOrgs.BETA_SECRET).status()).isEqualTo(401);
        assertThat(beta(okta, ThreeOrgs.BETA_ROTATED_SECRET).actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(prometheus.value("telephony_hook_orgs_reloads_total", Map.of("outcome", "applied"))).isEqualTo(3);
        assertThat(output.getAll()).doesNotContain(ThreeOrgs.BETA_SECRET).doesNotContain(ThreeOrgs.BETA_ROTATED_SECRET);
    }

    private static Answer beta(OktaClient okta, String secret) {
        return okta.post(OktaRequest.sms().json(), ThreeOrgs.BETA_HEADER, secret, "/telephonyHook/beta");
    }

    private static Answer delta(OktaClient okta) {
        return okta.post(OktaRequest.sms().json(), "Authorization", ThreeOrgs.ACME_SECRET, "/telephonyHook/delta");
    }

    private static boolean eventually(Supplier<Boolean> condition) throws InterruptedException {
        long end = System.nanoTime() + WITHIN.toNanos();
        while (System.nanoTime() < end) {
            if (condition.get()) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }
}
