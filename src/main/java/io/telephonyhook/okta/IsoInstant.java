package io.telephonyhook.okta;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Okta's timestamps ({@code otpExpires}), read as {@link Instant#parse} reads them. Okta writes them in one shape,
 * {@code 2026-10-02T14:16:20.000Z}, which is read here by hand: {@code Instant.parse} builds a parse context, a map of
 * fields and a resolver for every one, a fiftieth of what a call allocated. Any other text goes to
 * {@code Instant.parse}, so what it accepts, and what it refuses, is unchanged.
 */
final class IsoInstant {

    private static final int SECONDS_PER_DAY = 86_400;
    /** {@code yyyy-MM-ddTHH:mm:ssZ}; a fraction of 1 to 9 digits may come before the {@code Z}. */
    private static final int SHORTEST = 20;

    private IsoInstant() {
    }

    /** The instant, or null when the text is blank or not an ISO-8601 instant: an unreadable expiry is absent. */
    static Instant parseOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String iso8601 = text.strip();
        Instant instant = inOktasShape(iso8601);
        if (instant != null) {
            return instant;
        }
        try {
            return Instant.parse(iso8601);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    /** The instant when the text is {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with every field in range; else null. */
    static Instant inOktasShape(String text) {
        int length = text.length();
        if (length < SHORTEST || length == SHORTEST + 1 || length > SHORTEST + 10 || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (length > SHORTEST) {
            if (text.charAt(19) != '.') {
                return null;
            }
            int fraction = digits(text, 20, length - 1);
            nanos = fraction < 0 ? -1 : fraction * (int) Math.pow(10, SHORTEST + 10 - length);
        }
        // a leap second (:60), an hour 24, a field that is not digits: Instant.parse decides
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59 || nanos < 0) {
            return null;
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** The decimal value of {@code text[from, to)}, or -1 when any of it is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
