package io.telephonyhook.okta;

import java.nio.charset.StandardCharsets;

/**
 * Okta's {@code eventId} as the hook keeps it: the id as sent, with every character outside {@code A-Z a-z 0-9 - . _ ~}
 * percent-encoded as its UTF-8 bytes ({@code %} included). Okta's own ids (short base64url) read unchanged; any other
 * id stays one of its own, never cut or folded into another ({@code ev+1}, {@code ev 1} and {@code evé1} are
 * {@code ev%2B1}, {@code ev%201} and {@code ev%C3%A91}), and safe to write in a log line or a Redis key. The same form
 * is the key of one delivery per eventId, in the delivery records and their look-up, and in the log line.
 */
public final class EventId {

    /** Longer ids are refused (400): Okta's are some 20 characters. */
    public static final int MAX_LENGTH = 256;
    /** What a call without an eventId is logged and kept as; it is never deduplicated. */
    public static final String NONE = "-";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private EventId() {
    }

    /** The id as the hook keeps it; {@link #NONE} for none. */
    public static String of(String sent) {
        if (sent == null || sent.isEmpty()) {
            return NONE;
        }
        if (sent.equals(NONE)) {
            return "%2D"; // an id "-" is an id, not the absence of one
        }
        StringBuilder kept = new StringBuilder(sent.length());
        for (byte b : sent.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                kept.append(c);
            } else {
                kept.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return kept.toString();
    }
}
