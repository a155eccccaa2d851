package io.telephonyhook.config;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a host keeps the hook's settings: Spring's {@code Environment}, Camel's properties component, or any lookup
 * by key. Keys are written the way the README's table names them ({@code hook.deadline}, {@code twilio.account-sid});
 * a host maps its environment variables onto them ({@code HOOK_DEADLINE}, {@code TWILIO_ACCOUNT_SID}).
 *
 * <p>Reads text, whole numbers, durations ({@code 2500ms}, {@code 2s}, {@code 1m}, {@code 1h}, ISO-8601 {@code PT2S}, or plain milliseconds) and
 * sizes ({@code 64KB}, {@code 1MB}, or plain bytes), the forms Spring Boot accepts, so a value means the same in
 * every host. A value that cannot be read stops the start-up with a one-line reason naming the setting.
 */
public final class SettingsSource {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB)?");

    private final Function<String, String> lookup;

    /** @param lookup the value of a key, or null when the host has none */
    public SettingsSource(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    /** The value with surrounding blanks removed; null when absent or blank. */
    public String text(String key) {
        String value = lookup.apply(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String text(String key, String fallback) {
        String value = text(key);
        return value == null ? fallback : value;
    }

    public Duration duration(String key, Duration fallback) {
        String value = text(key);
        if (value == null) {
            return fallback;
        }
        if (value.toUpperCase(Locale.ROOT).startsWith("PT")) {
            try {
                return Duration.parse(value);
            } catch (RuntimeException unreadable) {
                throw unreadable(key, value, "a duration such as 2500ms or 2s");
            }
        }
        Matcher matcher = DURATION.matcher(value);
        if (!matcher.matches()) {
            throw unreadable(key, value, "a duration such as 2500ms or 2s");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
        return switch (unit) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofMillis(amount);
        };
    }

    public long bytes(String key, long fallback) {
        String value = text(key);
        if (value == null) {
            return fallback;
        }
        Matcher matcher = SIZE.matcher(value.toUpperCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw unreadable(key, value, "a size such as 64KB or 1MB");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "B" : matcher.group(2);
        return switch (unit) {
            case "KB" -> amount * 1024;
            case "MB" -> amount * 1024 * 1024;
            default -> amount;
        };
    }

    /** A whole number, such as a count. */
    public long number(String key, long fallback) {
        String value = text(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException unreadable) {
            throw unreadable(key, value, "a whole number");
        }
    }

    public boolean flag(String key, boolean fallback) {
        String value = text(key);
        return value == null ? fallback : Boolean.parseBoolean(value);
    }

    /** The environment variable a key is overridden by: {@code hook.max-body} is {@code HOOK_MAX_BODY}. */
    public static String environmentVariable(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static InvalidSettingsException unreadable(String key, String value, String expected) {
        return new InvalidSettingsException(environmentVariable(key) + " (" + key + ") is '" + value
                + "', which is not " + expected + ".");
    }
}
