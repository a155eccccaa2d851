package io.telephonyhook.deliverypage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

import io.telephonyhook.auth.HeaderSecrets;
import io.telephonyhook.config.DeliverySettings;
import io.telephonyhook.config.HookMode;

/**
 * Who may see deliveries (the page and the JSON look-up): they show masked numbers and which eventId, and so which
 * user, got a code, so only someone the operator allowed. HTTP Basic with {@code HOOK_DELIVERIES_VIEWER_USER}
 * ({@value DeliverySettings#DEFAULT_VIEWER_USER} by default) and {@code HOOK_DELIVERIES_VIEWER_SECRET}:
 * <ul>
 *   <li>live mode without a viewer secret: {@link Verdict#OFF}, both are off (404);
 *   <li>demo mode without one: the demo's own credential, {@value #DEMO_USER}:{@value #DEMO_SECRET} (the one the
 *       README's "Try it" sends to Okta's path), so a newcomer sees their demo codes arrive;
 *   <li>otherwise no or a wrong credential is {@link Verdict#UNAUTHENTICATED} (401), the right one
 *       {@link Verdict#ALLOWED}.
 * </ul>
 * The comparison takes the same time whatever the caller sent (digests compared in constant time).
 */
public final class DeliveryViewers {

    static final String DEMO_USER = "admin";
    static final String DEMO_SECRET = "supersecret";
    /** The realm a browser shows when it asks for the credential. */
    public static final String CHALLENGE = "Basic realm=\"telephony hook deliveries\", charset=\"UTF-8\"";

    /** What a caller may do. */
    public enum Verdict {
        ALLOWED, UNAUTHENTICATED, OFF
    }

    private final byte[] expected;

    private DeliveryViewers(byte[] expected) {
        this.expected = expected;
    }

    public static DeliveryViewers of(DeliverySettings settings, HookMode mode) {
        String secret = settings.getViewerSecret();
        if (secret == null || secret.isBlank()) {
            return new DeliveryViewers(mode == HookMode.DEMO ? HeaderSecrets.sha256(DEMO_USER + ":" + DEMO_SECRET) : null);
        }
        return new DeliveryViewers(HeaderSecrets.sha256(settings.getViewerUser() + ":" + secret));
    }

    /** @param authorization the request's {@code Authorization} header, or null */
    public Verdict check(String authorization) {
        if (expected == null) {
            return Verdict.OFF;
        }
        String given = credential(authorization);
        boolean same = MessageDigest.isEqual(expected, HeaderSecrets.sha256(given == null ? "" : given));
        return same && given != null ? Verdict.ALLOWED : Verdict.UNAUTHENTICATED;
    }

    /** The {@code user:secret} of a Basic header, or null. */
    private static String credential(String authorization) {
        if (authorization == null || authorization.length() < 6
                || !authorization.substring(0, 6).toLowerCase(Locale.ROOT).equals("basic ")) {
            return null;
        }
        try {
            return new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
