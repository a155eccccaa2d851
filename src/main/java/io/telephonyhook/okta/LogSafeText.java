package io.telephonyhook.okta;

import java.util.regex.Pattern;

/**
 * Names from Okta's request that only travel to logs and metrics ({@code requestType}, {@code source}), kept to a
 * plain alphabet and a bounded length, so that a caller can neither forge log lines (a newline in a requestType) nor
 * flood them.
 */
final class LogSafeText {

    private static final Pattern UNSAFE_IN_LOGS = Pattern.compile("[^A-Za-z0-9._:/-]");

    private LogSafeText() {
    }

    /** The text with every character outside the alphabet replaced by {@code _}, cut at {@code length}. */
    static String bounded(String text, int length) {
        if (text == null) {
            return null;
        }
        String plain = allSafe(text) ? text : UNSAFE_IN_LOGS.matcher(text).replaceAll("_");
        return plain.length() > length ? plain.substring(0, length) : plain;
    }

    /** Whether every character is in the alphabet: Okta's own names are, and are then kept without a copy. */
    private static boolean allSafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean safe = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '_' || c == ':' || c == '/' || c == '-';
            if (!safe) {
                return false;
            }
        }
        return true;
    }
}
