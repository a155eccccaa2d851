package io.telephonyhook.config;

import java.net.URI;

import io.telephonyhook.config.constraints.Pattern;

/**
 * OAuth 2.0 access tokens as Okta's credential ({@code okta.hook.oauth.*}, environment variables
 * {@code OKTA_HOOK_OAUTH_*}; README, "Authenticating with OAuth 2.0"): Okta gets a token from an authorization server
 * and sends it as {@code Authorization: Bearer <JWT>}. Off unless the issuer is set.
 */
public class OAuthSettings {

    public static final String PREFIX = "okta.hook.oauth";
    public static final String DEFAULT_AUDIENCE = "api://default";

    /**
     * The authorization server whose access tokens Okta sends, e.g. https://{yourOktaDomain}/oauth2/default; a token's
     * iss must equal it exactly. Unset: no bearer tokens are taken.
     */
    private String issuer;

    /**
     * Where the server's signing keys are; {issuer}/v1/keys by default (Okta's). https:// (plain http:// only on
     * loopback: localhost, 127.0.0.0/8, ::1).
     */
    private String jwksUrl;

    /** A value a token's aud must contain (the authorization server's Audience). */
    private String audience = DEFAULT_AUDIENCE;

    /**
     * One scope a token's scp must contain, e.g. okta.telephonyHook. Live mode with an issuer needs this or
     * OKTA_HOOK_OAUTH_CLIENT_ID (or both).
     */
    @Pattern(regexp = "\\S+", message = "is one scope, like okta.telephonyHook, not a list.")
    private String scope;

    /** The Client ID of the app Okta's hook authenticates as, which a token's cid must equal. */
    private String clientId;

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = Blank.orNull(issuer);
    }

    public String getJwksUrl() {
        return jwksUrl;
    }

    public void setJwksUrl(String jwksUrl) {
        this.jwksUrl = Blank.orNull(jwksUrl);
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = Blank.or(audience, this.audience);
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = Blank.orNull(scope);
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = Blank.orNull(clientId);
    }

    /** True when the issuer is set: the hook then takes Okta's access tokens. */
    public boolean enabled() {
        return issuer != null;
    }

    /** Where the signing keys are: the JWKS URL, or Okta's {issuer}/v1/keys. */
    public URI keysUrl() {
        if (jwksUrl != null) {
            return Urls.absolute(jwksUrl, "OKTA_HOOK_OAUTH_JWKS_URL");
        }
        String base = Urls.absolute(issuer, "OKTA_HOOK_OAUTH_ISSUER").toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/keys");
    }

    /** What no single field can say: the other settings without an issuer, and keys only over TLS. */
    void check() {
        if (issuer == null) {
            if (jwksUrl != null || !DEFAULT_AUDIENCE.equals(audience) || scope != null || clientId != null) {
                // the operator meant to turn OAuth on: starting without it would refuse every token, silently
                throw new InvalidSettingsException("OKTA_HOOK_OAUTH_ISSUER is not set although other OKTA_HOOK_OAUTH_"
                        + " settings are: set it to the authorization server, like https://{yourOktaDomain}/oauth2/default.");
            }
            return;
        }
        URI keys = keysUrl();
        if (!"https".equalsIgnoreCase(keys.getScheme()) && !Urls.isLoopback(keys.getHost())) {
            // whoever can change the keys in transit can sign tokens the hook accepts
            String variable = jwksUrl != null ? "OKTA_HOOK_OAUTH_JWKS_URL" : "OKTA_HOOK_OAUTH_ISSUER (the JWKS URL is {issuer}/v1/keys)";
            throw new InvalidSettingsException(variable + " must be https://: the signing keys decide which tokens are"
                    + " accepted, so plain http:// is allowed only on loopback (localhost, 127.0.0.0/8, ::1).");
        }
    }

    /**
     * Live mode: a token must say it is Okta's hook's, by the scope it grants or the client it was issued to. Without
     * either, an end user's token from the same authorization server (another app's, with {@code openid profile})
     * would be accepted, and with it an SMS to any number.
     */
    public void requireCallerCheck() {
        if (enabled() && scope == null && clientId == null) {
            throw new InvalidSettingsException("OKTA_HOOK_OAUTH_ISSUER is set without OKTA_HOOK_OAUTH_SCOPE or"
                    + " OKTA_HOOK_OAUTH_CLIENT_ID: set the scope Okta's hook asks for (okta.telephonyHook) or the"
                    + " client id of its app, or any user's token from that authorization server would be accepted.");
        }
    }

    @Override
    public String toString() {
        return "OAuthSettings[issuer=" + issuer + ", jwksUrl=" + jwksUrl + ", audience=" + audience + ", scope=" + scope
                + ", clientId=" + clientId + "]";
    }
}
