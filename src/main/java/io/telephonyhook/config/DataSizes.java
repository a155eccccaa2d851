package io.telephonyhook.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as the settings write them: {@code 64KB}, {@code 1MB}, or plain bytes, as Spring Boot reads a DataSize. */
public final class DataSizes {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB)?");

    private DataSizes() {
    }

    /** The size in bytes; -1 when {@code text} is not a size. */
    public static long bytes(String text) {
        Matcher matcher = SIZE.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!matcher.matches()) {
            return -1;
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "B" : matcher.group(2);
        return switch (unit) {
            case "KB" -> amount * 1024;
            case "MB" -> amount * 1024 * 1024;
            default -> amount;
        };
    }
}
