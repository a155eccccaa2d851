package io.telephonyhook.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.telephonyhook.config.InvalidSettingsException;

/** Turns {@link InvalidSettingsException} into Spring Boot's short "APPLICATION FAILED TO START" report. */
class InvalidSettingsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingsException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct what the line above names (docs/configuration.md lists every setting, docs/platforms.md what each host needs) and start again.", cause);
    }
}
