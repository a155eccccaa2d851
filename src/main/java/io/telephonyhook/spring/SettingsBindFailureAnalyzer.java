package io.telephonyhook.spring;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

import io.telephonyhook.config.InvalidSettingsException;

/**
 * A value of one of the hook's settings that Spring Boot could not read as its type (a duration that is not one, a
 * word for a number) stops the start in the same one line as every other refusal of a setting, naming the environment
 * variable: {@code HOOK_DEADLINE (hook.deadline) is 'soon', which is not a duration such as 2500ms or 2s.} Other
 * binding failures are left to Spring Boot's own analyzer.
 */
public class SettingsBindFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        InvalidSettingsException oneLine = oneLine(cause);
        return oneLine == null ? null : new FailureAnalysis(oneLine.getMessage(),
                "Set the variable named above (see the configuration table in README.md) and start again.", cause);
    }

    /** The one-line refusal for a failure to bind one of the hook's settings; null for anyone else's. */
    public static InvalidSettingsException oneLine(BindException failure) {
        String name = failure.getName().toString();
        if (!(name.startsWith("hook.") || name.startsWith("okta.hook.") || name.startsWith("twilio."))) {
            return null;
        }
        Object value = failure.getProperty() == null ? null : failure.getProperty().getValue();
        return InvalidSettingsException.unreadable(name, value, failure.getTarget().getType().resolve(Object.class));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE; // before Spring Boot's own, which would print the failure in several lines
    }
}
