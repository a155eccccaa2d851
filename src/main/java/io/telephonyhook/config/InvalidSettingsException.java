package io.telephonyhook.config;

/**
 * A setting is missing or wrong, so the hook must not start. The message is the whole story, in one line,
 * naming the environment variable to fix; {@link InvalidSettingsFailureAnalyzer} prints it without a stack trace.
 */
public class InvalidSettingsException extends RuntimeException {

    public InvalidSettingsException(String reason) {
        super(reason);
    }
}
