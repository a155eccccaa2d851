package io.telephonyhook.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * OAuth 2.0 access tokens as Okta's credential (README, "Authenticating with OAuth 2.0"): Okta gets a token from an
 * authorization server and sends it as {@code Authorization: Bearer <JWT>}. Off unless the issuer is set.
 *
 * @param issuer   {@code okta.hook.oauth.issuer} / {@code OKTA_HOOK_OAUTH_ISSUER}: the authorization server, e.g.
 *                 {@code https://{yourOktaDomain}/oauth2/default}; a token's {@code iss} must equal it exactly
 * @param jwksUrl  {@code okta.hook.oauth.jwks-url} / {@code OKTA_HOOK_OAUTH_JWKS_URL}: where its signing keys are;
 *                 {@code {issuer}/v1/keys} by default (Okta's). HTTPS, or plain HTTP on loopback only
 * @param audience {@code okta.hook.oauth.audience} / {@code OKTA_HOOK_OAUTH_AUDIENCE}: a value the token's
 *                 {@code aud} must contain; {@code api://default} by default (the default server's audience)
 * @param scope    {@code okta.hook.oauth.scope} / {@code OKTA_HOOK_OAUTH_SCOPE}: a scope the token's {@code scp}
 *                 must contain; null when unset (no scope required)
 * @param clientId {@code okta.hook.oauth.client-id} / {@code OKTA_HOOK_OAUTH_CLIENT_ID}: the client id of the app
 *                 Okta's hook authenticates as, which the token's {@code cid} must equal; null when unset. In live
 *                 mode a scope or a client id is required ({@link #requireCallerCheck}): the issuer and the default
 *                 audience alone accept any user's token from the same authorization server.
 */
public record OAuthSettings(String issuer, URI jwksUrl, String audience, String scope, String clientId) {

    public static final String DEFAULT_AUDIENCE = "api://default";
    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    /**
     * Reads and checks the settings.
     *
     * @return null when {@code OKTA_HOOK_OAUTH_ISSUER} is unset: the hook then takes no bearer tokens
     */
    public static OAuthSettings from(SettingsSource settings) {
        String issuer = settings.text("okta.hook.oauth.issuer");
        String jwksUrl = settings.text("okta.hook.oauth.jwks-url");
        String audience = settings.text("okta.hook.oauth.audience");
        String scope = settings.text("okta.hook.oauth.scope");
        String clientId = settings.text("okta.hook.oauth.client-id");
        if (issuer == null) {
            if (jwksUrl != null || audience != null || scope != null || clientId != null) {
                // the operator meant to turn OAuth on: starting without it would refuse every token, silently
                throw new InvalidSettingsException("OKTA_HOOK_OAUTH_ISSUER is not set although other OKTA_HOOK_OAUTH_"
                        + " settings are: set it to the authorization server, like https://{yourOktaDomain}/oauth2/default.");
            }
            return null;
        }
        URI issuerUrl = absoluteUrl(issuer, "OKTA_HOOK_OAUTH_ISSUER");
        URI keys = jwksUrl != null
                ? absoluteUrl(jwksUrl, "OKTA_HOOK_OAUTH_JWKS_URL")
                : absoluteUrl(stripTrailingSlash(issuerUrl.toString()) + "/v1/keys", "OKTA_HOOK_OAUTH_ISSUER");
        if (!"https".equalsIgnoreCase(keys.getScheme()) && !isLoopback(keys.getHost())) {
            // whoever can change the keys in transit can sign tokens the hook accepts
            String variable = jwksUrl != null ? "OKTA_HOOK_OAUTH_JWKS_URL" : "OKTA_HOOK_OAUTH_ISSUER (the JWKS URL is {issuer}/v1/keys)";
            throw new InvalidSettingsException(variable + " must be https://: the signing keys decide which tokens are"
                    + " accepted, so plain http:// is allowed only on loopback (localhost, 127.0.0.0/8, ::1).");
        }
        if (scope != null && scope.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidSettingsException("OKTA_HOOK_OAUTH_SCOPE is one scope, like okta.telephonyHook, not a list.");
        }
        return new OAuthSettings(issuer, keys, audience == null ? DEFAULT_AUDIENCE : audience, scope, clientId);
    }

    /**
     * Live mode: a token must say it is Okta's hook's, by the scope it grants or the client it was issued to. Without
     * either, an end user's token from the same authorization server (another app's, with {@code openid profile})
     * would be accepted, and with it an SMS to any number.
     */
    public void requireCallerCheck() {
        if (scope == null && clientId == null) {
            throw new InvalidSettingsException("OKTA_HOOK_OAUTH_ISSUER is set without OKTA_HOOK_OAUTH_SCOPE or"
                    + " OKTA_HOOK_OAUTH_CLIENT_ID: set the scope Okta's hook asks for (okta.telephonyHook) or the"
                    + " client id of its app, or any user's token from that authorization server would be accepted.");
        }
    }

    /**
     * True for {@code localhost} and the loopback address literals (127.0.0.0/8, ::1). Names other than localhost are
     * not resolved: what a name resolves to can change after the check.
     */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if ("localhost".equals(literal.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (!IPV4_LITERAL.matcher(literal).matches() && !literal.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress(); // a literal: parsed, never looked up
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }

    private static URI absoluteUrl(String value, String variable) {
        try {
            URI url = new URI(value);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException unreadable) {
            // the same one-line refusal as for any other value that is not an http(s) URL
        }
        throw new InvalidSettingsException(variable + " is not an http(s) URL with a host, like"
                + " https://{yourOktaDomain}/oauth2/default.");
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
