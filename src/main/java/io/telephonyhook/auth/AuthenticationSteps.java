package io.telephonyhook.auth;

import java.util.ArrayList;
import java.util.List;

import io.telephonyhook.config.HookMode;
import io.telephonyhook.config.InvalidSettingsException;
import io.telephonyhook.config.Settings;
import io.telephonyhook.observability.CallMetrics;

/**
 * Authentication's step, {@value #HOOK_AUTHENTICATOR}, made from the settings: the header secret (and the previous
 * one during a rotation), OAuth 2.0 access tokens, or both. Every host makes it here; closing it stops OAuth's key
 * refresh.
 */
public final class AuthenticationSteps {

    public static final String HOOK_AUTHENTICATOR = "hookAuthenticator";
    /** Okta's own example secret, used only in demo mode when none is set (see the README). */
    public static final String DEMO_AUTH_SECRET = "Basic YWRtaW46c3VwZXJzZWNyZXQ=";

    private AuthenticationSteps() {
    }

    /**
     * @throws InvalidSettingsException in live mode without any credential: anyone could send codes
     */
    public static HookAuthenticator authenticator(Settings settings, CallMetrics metrics) {
        return authenticator(settings, metrics, null);
    }

    /** As above, for the org with this id ({@code HOOK_ORGS_FILE}); null for the hook's one org. */
    public static HookAuthenticator authenticator(Settings settings, CallMetrics metrics, String org) {
        String secret = settings.auth().getSecret();
        if (secret == null && !settings.oauth().enabled()) {
            if (settings.mode() == HookMode.LIVE) {
                throw new InvalidSettingsException("Neither OKTA_HOOK_AUTH_SECRET nor OKTA_HOOK_OAUTH_ISSUER is set: in"
                        + " live mode the hook needs the secret Okta sends in the " + settings.auth().getHeader()
                        + " header, or the authorization server whose access tokens Okta sends, or anyone could send"
                        + " codes.");
            }
            secret = DEMO_AUTH_SECRET;
        }
        List<CallerCredential> credentials = new ArrayList<>();
        if (secret != null) {
            credentials.add(new HeaderSecrets(settings.auth().getHeader(), secret, settings.auth().getSecretPrevious()));
        }
        if (settings.oauth().enabled()) {
            // last: it fetches the authorization server's keys on a thread of its own
            credentials.add(new OAuthAccessTokens(settings.oauth()));
        }
        return new HookAuthenticator(credentials, metrics, org);
    }
}
