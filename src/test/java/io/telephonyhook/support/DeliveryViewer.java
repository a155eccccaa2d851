package io.telephonyhook.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The delivery viewer's credential the tests' hooks are given ({@code HOOK_DELIVERIES_VIEWER_SECRET}), and the Basic
 * header that carries it, for the page and the JSON look-up.
 */
public final class DeliveryViewer {

    public static final String USER = "admin";
    public static final String SECRET = "help-desk-viewer-secret";
    public static final String HEADER = basic(USER, SECRET);
    /** Demo mode's own: the README's "Try it" credential. */
    public static final String DEMO_HEADER = basic("admin", "supersecret");

    private DeliveryViewer() {
    }

    public static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
