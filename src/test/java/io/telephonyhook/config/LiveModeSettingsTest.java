package io.telephonyhook.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import io.telephonyhook.TelephonyHookApplication;

/** Live mode refuses to start on settings that would make it unsafe or useless, with a one-line reason. */
@ExtendWith(OutputCaptureExtension.class)
class LiveModeSettingsTest {

    private static final Map<String, String> LIVE = Map.of(
            "server.port", "0",
            "twilio.account-sid", "AC0123456789abcdef0123456789abcdef",
            "twilio.auth-token", "token",
            "twilio.from-number", "+15017122661",
            "okta.hook.auth.secret", "s3cret");

    @Test
    void neitherASecretNorAnOAuthIssuerInLiveMode(CapturedOutput output) {
        assertStartFails("Neither OKTA_HOOK_AUTH_SECRET nor OKTA_HOOK_OAUTH_ISSUER is set", "okta.hook.auth.secret", "");
        assertThat(output).contains("Description:").contains("Neither OKTA_HOOK_AUTH_SECRET nor OKTA_HOOK_OAUTH_ISSUER");
    }

    @Test
    void aJwksOverPlainHttpOffLoopback() {
        assertStartFails("OKTA_HOOK_OAUTH_JWKS_URL must be https://", Map.of(
                "okta.hook.oauth.issuer", "https://example.okta.com/oauth2/default",
                "okta.hook.oauth.jwks-url", "http://example.okta.com/oauth2/default/v1/keys"));
    }

    /**
     * An issuer alone is a credential, and a JWKS that cannot be reached at start-up does not stop the start (the keys
     * are fetched again when a token names one). Port 1 on loopback: refused at once, nothing leaves the machine.
     */
    @Test
    void anOAuthIssuerWithoutASecretStartsEvenWithItsKeysUnreachable() {
        Map<String, String> settings = new HashMap<>(LIVE);
        settings.put("okta.hook.auth.secret", "");
        settings.put("okta.hook.oauth.issuer", "http://127.0.0.1:1/oauth2/default");
        settings.put("okta.hook.oauth.scope", "okta.telephonyHook");
        settings.put("management.server.port", "0");

        new SpringApplicationBuilder(TelephonyHookApplication.class).run(args(settings)).close();
    }

    /** The issuer and the default audience alone would take any user's access token from that server. */
    @Test
    void anOAuthIssuerWithoutAScopeOrAClientId() {
        assertStartFails("OKTA_HOOK_OAUTH_ISSUER is set without OKTA_HOOK_OAUTH_SCOPE or OKTA_HOOK_OAUTH_CLIENT_ID",
                Map.of("okta.hook.oauth.issuer", "http://127.0.0.1:1/oauth2/default"));
    }

    /** Spring Boot would ignore it without a word, and the TTL would stay at its default. */
    @Test
    void aMistypedKeyStopsTheStartNamingTheNearestOne(CapturedOutput output) {
        assertStartFails("hook.dedup.tll is not a setting of the hook: did you mean HOOK_DEDUP_TTL (hook.dedup.ttl)?",
                "hook.dedup.tll", "5m");
        assertStartFails("twilio.from-numbr is not a setting of the hook: did you mean TWILIO_FROM_NUMBER",
                "twilio.from-numbr", "+15017122661");
    }

    @Test
    void aValueThatDoesNotReadStopsTheStartInOneLine(CapturedOutput output) {
        String[] args = args(Map.of("server.port", "0", "hook.deadline", "soon"));
        assertThatThrownBy(() -> new SpringApplicationBuilder(TelephonyHookApplication.class).run(args).close());
        assertThat(output).contains("HOOK_DEADLINE (hook.deadline) is 'soon', which is not a duration such as 2500ms or 2s.");
    }

    @Test
    void aShortDeliveriesViewerSecret() {
        assertStartFails("HOOK_DELIVERIES_VIEWER_SECRET", "hook.deliveries.viewer-secret", "short");
    }

    @Test
    void noAuthToken() {
        assertStartFails("TWILIO_AUTH_TOKEN is not set", "twilio.auth-token", "");
    }

    @Test
    void noSender() {
        assertStartFails("Neither TWILIO_FROM_NUMBER nor TWILIO_MESSAGING_SERVICE_SID is set", "twilio.from-number", "");
    }

    @Test
    void aSenderNotInE164() {
        assertStartFails("TWILIO_FROM_NUMBER must be in E.164", "twilio.from-number", "5017122661");
    }

    @Test
    void anUnknownDefaultRegion() {
        assertStartFails("HOOK_DEFAULT_REGION", "hook.default-region", "XX");
    }

    @Test
    void twilioSettingsWithoutAnAccountSidDoNotFallBackToDemoMode() {
        assertStartFails("TWILIO_ACCOUNT_SID is not set although TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER are",
                "twilio.account-sid", "");
    }

    /** The operator's secret and a Twilio URL alone are not a demo: demo mode would answer SUCCESSFUL, sending nothing. */
    @Test
    void aTwilioUrlAloneIsNotDemoMode() {
        for (String key : new String[] {"twilio.api-url", "twilio.twiml-url"}) {
            Map<String, String> halfLive = new HashMap<>();
            halfLive.put("server.port", "0");
            halfLive.put("okta.hook.auth.secret", "s3cret");
            halfLive.put(key, "http://127.0.0.1:1/");
            String[] args = args(halfLive);
            assertThatThrownBy(() -> new SpringApplicationBuilder(TelephonyHookApplication.class).run(args).close())
                    .rootCause().isInstanceOf(InvalidSettingsException.class)
                    .hasMessage("TWILIO_ACCOUNT_SID is not set although " + SettingKeys.environmentVariable(key)
                            + " is: set it for live mode, or unset every TWILIO_ setting for demo mode (which sends"
                            + " nothing).");
        }
    }

    /** The failover account is checked as the primary is, each refusal naming its TWILIO_FAILOVER_ variable. */
    @Test
    void aHalfSetFailoverAccount() {
        assertStartFails("TWILIO_FAILOVER_ACCOUNT_SID is not set although TWILIO_FAILOVER_AUTH_TOKEN is",
                "twilio.failover.auth-token", "token");
        assertStartFails("TWILIO_FAILOVER_AUTH_TOKEN is not set", "twilio.failover.account-sid",
                "ACfedcba9876543210fedcba9876543210");
        assertStartFails("Neither TWILIO_FAILOVER_FROM_NUMBER nor TWILIO_FAILOVER_MESSAGING_SERVICE_SID is set", Map.of(
                "twilio.failover.account-sid", "ACfedcba9876543210fedcba9876543210", "twilio.failover.auth-token", "t"));
        assertStartFails("TWILIO_FAILOVER_FROM_NUMBER must be in E.164", "twilio.failover.from-number", "5017122661");
        assertStartFails("TWILIO_REGION must be a Twilio Region", "twilio.region", "Ireland");
        assertStartFails("TWILIO_FAILOVER_EDGE must be a Twilio edge location", "twilio.failover.edge", "Dublin 2");
    }

    /** A failover account without a primary is not a demo either. */
    @Test
    void aFailoverAccountWithoutThePrimaryIsNotDemoMode() {
        assertStartFails("TWILIO_ACCOUNT_SID is not set although TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER, "
                + "TWILIO_FAILOVER_ACCOUNT_SID are", Map.of("twilio.account-sid", "",
                "twilio.failover.account-sid", "ACfedcba9876543210fedcba9876543210"));
    }

    /** Starts the application with the live settings, one of them changed, and expects it to refuse. */
    private static void assertStartFails(String reason, String key, String value) {
        assertStartFails(reason, Map.of(key, value));
    }

    /** Starts the application with the live settings, these changed, and expects it to refuse. */
    private static void assertStartFails(String reason, Map<String, String> changes) {
        Map<String, String> settings = new HashMap<>(LIVE);
        settings.putAll(changes);
        String[] args = args(settings);
        assertThatThrownBy(() -> new SpringApplicationBuilder(TelephonyHookApplication.class).run(args).close())
                .hasRootCauseInstanceOf(InvalidSettingsException.class)
                .rootCause().hasMessageContaining(reason).message().doesNotContain("\n");
    }

    private static String[] args(Map<String, String> settings) {
        return settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }
}
