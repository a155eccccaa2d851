package io.telephonyhook.config;

import io.telephonyhook.config.constraints.NotBlank;

/**
 * How Okta authenticates with a header ({@code okta.hook.auth.*}, environment variables {@code OKTA_HOOK_AUTH_*}):
 * the authentication field and secret of the hook's registration in Okta.
 */
public class OktaAuthSettings {

    public static final String PREFIX = "okta.hook.auth";

    /** The header Okta sends the secret in (Okta's "authentication field"); matched case-insensitively. */
    @NotBlank(message = "must name a header, like Authorization.")
    private String header = "Authorization";

    /**
     * Its exact value (Okta's "authentication secret"). Live mode needs this or OKTA_HOOK_OAUTH_ISSUER (or both); demo
     * mode without either uses Okta's example secret.
     */
    private String secret;

    /** During a rotation, the old secret, accepted beside OKTA_HOOK_AUTH_SECRET (which must then be set). */
    private String secretPrevious;

    public String getHeader() {
        return header;
    }

    public void setHeader(String header) {
        this.header = Blank.or(header, this.header);
    }

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = Blank.orNull(secret);
    }

    public String getSecretPrevious() {
        return secretPrevious;
    }

    public void setSecretPrevious(String secretPrevious) {
        this.secretPrevious = Blank.orNull(secretPrevious);
    }

    /** What no single field can say: a previous secret needs the new one. */
    void check() {
        if (secretPrevious != null && secret == null) {
            throw new InvalidSettingsException("OKTA_HOOK_AUTH_SECRET_PREVIOUS is set but OKTA_HOOK_AUTH_SECRET is not:"
                    + " a rotation keeps the new secret in OKTA_HOOK_AUTH_SECRET and the old one in _PREVIOUS.");
        }
    }

    /** Without the secrets. */
    @Override
    public String toString() {
        return "OktaAuthSettings[header=" + header + ", secret=" + (secret == null ? "none" : "******")
                + ", secretPrevious=" + (secretPrevious == null ? "none" : "******") + "]";
    }
}
