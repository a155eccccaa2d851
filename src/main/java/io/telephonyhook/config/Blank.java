package io.telephonyhook.config;

/**
 * A setting given blank is a setting not given, in every host (an environment variable set to nothing, say): a
 * setting with a default keeps it, one without stays unset.
 */
final class Blank {

    private Blank() {
    }

    /** The value stripped; null when it is null or blank. */
    static String orNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The value stripped; {@code current} (the default) when it is null or blank. */
    static String or(String value, String current) {
        String given = orNull(value);
        return given == null ? current : given;
    }
}
