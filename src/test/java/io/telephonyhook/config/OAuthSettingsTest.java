package io.telephonyhook.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.telephonyhook.support.BoundSettings;

/** The OAuth settings' defaults (README's table), and the JWKS URLs refused because anyone on the path could swap the keys. */
class OAuthSettingsTest {

    private static final String ISSUER = "https://example.okta.com/oauth2/default";

    @Test
    void offWithoutAnIssuer() {
        assertThat(BoundSettings.fromProperties(Map.of()).oauth().enabled()).isFalse();
    }

    @Test
    void withTheIssuerAloneTheDefaultsAreOktasDefaultServers() {
        OAuthSettings oauth = settings(Map.of("okta.hook.oauth.issuer", ISSUER));

        assertThat(oauth.keysUrl()).isEqualTo(URI.create(ISSUER + "/v1/keys"));
        assertThat(oauth).extracting(OAuthSettings::getAudience, OAuthSettings::getScope, OAuthSettings::getClientId)
                .containsExactly("api://default", null, null);
    }

    @Test
    void anIssuerWithATrailingSlashGetsNoDoubleSlashInItsJwksUrl() {
        OAuthSettings oauth = settings(Map.of("okta.hook.oauth.issuer", ISSUER + "/"));

        assertThat(oauth.keysUrl()).isEqualTo(URI.create(ISSUER + "/v1/keys"));
        assertThat(oauth.getIssuer()).as("compared with iss exactly as set").isEqualTo(ISSUER + "/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8089/keys", "http://LOCALHOST/keys", "http://127.0.0.1:1/keys",
            "http://127.10.20.30/keys", "http://[::1]:8089/keys", "https://keys.example.com/keys"})
    void plainHttpIsAcceptedOnLoopbackOnly(String jwksUrl) {
        OAuthSettings oauth = settings(Map.of("okta.hook.oauth.issuer", ISSUER, "okta.hook.oauth.jwks-url", jwksUrl));

        assertThat(oauth.keysUrl()).isEqualTo(URI.create(jwksUrl));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://keys.example.com/keys", "http://127.0.0.1.example.com/keys", "http://10.0.0.1/keys",
            "http://[::2]/keys", "http://localhost.example.com/keys"})
    void plainHttpElsewhereRefusesTheStart(String jwksUrl) {
        assertThatThrownBy(() -> settings((Map.of("okta.hook.oauth.issuer", ISSUER,
                "okta.hook.oauth.jwks-url", jwksUrl))))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("OKTA_HOOK_OAUTH_JWKS_URL must be https://")
                .message().doesNotContain("\n");
    }

    @Test
    void aPlainHttpIssuerNamesTheIssuerWhenTheJwksUrlComesFromIt() {
        assertThatThrownBy(() -> settings((Map.of("okta.hook.oauth.issuer",
                "http://example.okta.com/oauth2/default"))))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("OKTA_HOOK_OAUTH_ISSUER");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "okta.hook.oauth.issuer | example.okta.com/oauth2/default | OKTA_HOOK_OAUTH_ISSUER is not an http(s) URL",
            "okta.hook.oauth.issuer | ftp://example.okta.com/ | OKTA_HOOK_OAUTH_ISSUER is not an http(s) URL",
            "okta.hook.oauth.jwks-url | https:// keys | OKTA_HOOK_OAUTH_JWKS_URL is not an http(s) URL",
            "okta.hook.oauth.scope | okta.a okta.b | OKTA_HOOK_OAUTH_SCOPE is one scope"})
    void unusableValuesRefuseTheStartInOneLine(String key, String value, String reason) {
        Map<String, String> values = new java.util.HashMap<>(Map.of("okta.hook.oauth.issuer", ISSUER));
        values.put(key, value);

        assertThatThrownBy(() -> settings(values))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(reason)
                .message().doesNotContain("\n");
    }

    @Test
    void otherOAuthSettingsWithoutAnIssuerRefuseTheStart() {
        assertThatThrownBy(() -> settings(Map.of("okta.hook.oauth.audience", "api://hook")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("OKTA_HOOK_OAUTH_ISSUER is not set although other OKTA_HOOK_OAUTH_ settings are");
    }

    private static OAuthSettings settings(Map<String, String> values) {
        return BoundSettings.fromProperties(values).oauth();
    }
}
