package io.telephonyhook.config;

/**
 * A setting is missing or wrong, so the hook must not start. The message is the whole story, in one line,
 * naming the environment variable to fix; {@link InvalidSettingsFailureAnalyzer} prints it without a stack trace.
 */
public class InvalidSettingsException extends RuntimeException {

    public InvalidSettingsException(String reason) {
        super(reason);
    }

    /** A value the host could not read as the setting's type: {@code HOOK_DEADLINE (hook.deadline) is 'soon', ...}. */
    public static InvalidSettingsException unreadable(String key, Object value, Class<?> type) {
        String expected = type == java.time.Duration.class ? "a duration such as 2500ms or 2s"
                : type == int.class || type == Integer.class || type == long.class ? "a whole number"
                : type == boolean.class || type == Boolean.class ? "true or false" : "a " + type.getSimpleName();
        return new InvalidSettingsException(SettingKeys.environmentVariable(key) + " (" + key + ") is '"
                + String.valueOf(value).replaceAll("\\p{Cntrl}", "?") + "', which is not " + expected + ".");
    }
}
