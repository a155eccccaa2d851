package io.telephonyhook.config;

import java.net.URI;
import java.time.Duration;

/**
 * The hook's own settings, the same in every host. Keys and environment variables (README, "Configuration"):
 *
 * @param authHeader    {@code okta.hook.auth.header} / {@code OKTA_HOOK_AUTH_HEADER}: the header Okta sends the
 *                      secret in (its "authentication field"), matched case-insensitively
 * @param authSecret    {@code okta.hook.auth.secret} / {@code OKTA_HOOK_AUTH_SECRET}: its exact value; null when
 *                      unset (required in live mode; demo mode uses Okta's example secret)
 * @param authSecretPrevious {@code okta.hook.auth.secret-previous} / {@code OKTA_HOOK_AUTH_SECRET_PREVIOUS}: the
 *                      secret being rotated out, accepted beside the current one; null when unset
 * @param path          {@code hook.path} / {@code HOOK_PATH}: where Okta POSTs, under the host's REST context path
 * @param defaultRegion {@code hook.default-region} / {@code HOOK_DEFAULT_REGION}: the region (ISO 3166) a number
 *                      without a country code is read in
 * @param smsTemplate   {@code hook.sms-template} / {@code HOOK_SMS_TEMPLATE}: the SMS text when Okta's msgTemplate
 *                      does not contain the code; {@code {code}} is replaced
 * @param deadline      {@code hook.deadline} / {@code HOOK_DEADLINE}: when, after a request arrives, Okta must have
 *                      its answer (at most 3000 ms: Okta waits 3 s)
 * @param maxBodyBytes  {@code hook.max-body} / {@code HOOK_MAX_BODY}: the largest request body accepted (Okta's are
 *                      about 1 KB)
 * @param oauth         {@code okta.hook.oauth.*} / {@code OKTA_HOOK_OAUTH_*}: OAuth 2.0 access tokens as Okta's
 *                      credential, beside or instead of the secret; null when {@code OKTA_HOOK_OAUTH_ISSUER} is unset
 * @param publicUrl     {@code hook.public-url} / {@code HOOK_PUBLIC_URL}: the hook's public base URL, where Twilio
 *                      reports delivery statuses ({@code {publicUrl}/twilio/status}); null: no status callbacks
 */
public record HookSettings(
        String authHeader,
        String authSecret,
        String authSecretPrevious,
        String path,
        String defaultRegion,
        String smsTemplate,
        Duration deadline,
        long maxBodyBytes,
        OAuthSettings oauth,
        URI publicUrl) {

    public static final String DEFAULT_PATH = "/telephonyHook";
    private static final Duration OKTA_WAITS = Duration.ofMillis(3000);
    private static final long MIN_BODY = 1024;
    private static final long MAX_BODY = 16L * 1024 * 1024;

    /** Reads and checks the settings; a value that would make the hook unsafe or useless stops the start-up. */
    public static HookSettings from(SettingsSource settings) {
        HookSettings hook = new HookSettings(
                settings.text("okta.hook.auth.header", "Authorization"),
                settings.text("okta.hook.auth.secret"),
                settings.text("okta.hook.auth.secret-previous"),
                settings.text("hook.path", DEFAULT_PATH),
                settings.text("hook.default-region", "US"),
                settings.text("hook.sms-template", "Your verification code is {code}"),
                settings.duration("hook.deadline", Duration.ofMillis(2500)),
                settings.bytes("hook.max-body", 64 * 1024),
                OAuthSettings.from(settings),
                publicUrl(settings.text("hook.public-url")));
        if (hook.deadline.isNegative() || hook.deadline.isZero() || hook.deadline.compareTo(OKTA_WAITS) > 0) {
            throw new InvalidSettingsException("HOOK_DEADLINE must be more than 0 and at most 3000ms: Okta waits 3 s.");
        }
        if (hook.maxBodyBytes < MIN_BODY || hook.maxBodyBytes > MAX_BODY) {
            throw new InvalidSettingsException("HOOK_MAX_BODY must be between 1KB and 16MB (Okta's requests are about 1KB).");
        }
        if (hook.authSecretPrevious != null && hook.authSecret == null) {
            throw new InvalidSettingsException("OKTA_HOOK_AUTH_SECRET_PREVIOUS is set but OKTA_HOOK_AUTH_SECRET is not:"
                    + " a rotation keeps the new secret in OKTA_HOOK_AUTH_SECRET and the old one in _PREVIOUS.");
        }
        if (!hook.path.startsWith("/")) {
            throw new InvalidSettingsException("HOOK_PATH must start with '/', like /telephonyHook.");
        }
        return hook;
    }

    /** {@code https://hooks.example.com} (or {@code http://} on loopback), without a trailing slash. */
    private static URI publicUrl(String text) {
        if (text == null) {
            return null;
        }
        URI url;
        try {
            url = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (IllegalArgumentException unreadable) {
            throw new InvalidSettingsException("HOOK_PUBLIC_URL is not a URL like https://hooks.example.com.");
        }
        boolean loopback = "localhost".equals(url.getHost()) || "127.0.0.1".equals(url.getHost());
        if (url.getHost() == null || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()) && loopback)
                || url.getQuery() != null || url.getFragment() != null) {
            throw new InvalidSettingsException("HOOK_PUBLIC_URL must be https://host[:port][/path] (http:// only on"
                    + " loopback), with no query: Twilio signs the exact URL it calls.");
        }
        return url;
    }

    /** Without the secret: a record's default toString would print it. */
    @Override
    public String toString() {
        return "HookSettings[authHeader=" + authHeader + ", path=" + path + ", defaultRegion=" + defaultRegion
                + ", deadline=" + deadline + ", maxBodyBytes=" + maxBodyBytes + ", oauth=" + oauth + ", publicUrl=" + publicUrl + "]";
    }
}
