package io.telephonyhook.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * At most {@code count} codes per {@code window}, written {@code N/duration}: {@code 5/10m}, {@code 200/1m},
 * {@code 20/1h}, {@code 500/1d}. The window starts with the first code counted in it.
 */
public record RateLimit(long count, Duration window) {

    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*/\\s*(\\d+)\\s*(s|m|h|d)");

    /** Null when {@code text} is null; otherwise the limit, or a one-line refusal naming {@code variable}. */
    public static RateLimit parse(String variable, String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = FORM.matcher(text.strip());
        if (!matcher.matches()) {
            throw new InvalidSettingsException(variable + " is '" + text + "', which is not a limit such as 5/10m or 200/1m.");
        }
        long count = Long.parseLong(matcher.group(1));
        long amount = Long.parseLong(matcher.group(2));
        Duration window = switch (matcher.group(3)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        if (count < 1 || window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(Duration.ofDays(7)) > 0) {
            throw new InvalidSettingsException(variable + " must allow at least 1 code per window of 1s to 7d.");
        }
        return new RateLimit(count, window);
    }

    @Override
    public String toString() {
        return count + "/" + window;
    }
}
