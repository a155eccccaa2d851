package io.telephonyhook.okta;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Okta's inline-hook error object. Its {@code errorSummary} can be shown to end users, so it never carries
 * anything internal (provider URLs, account ids, stack traces).
 */
public record OktaErrorResponse(Error error) {

    public record Error(String errorSummary, List<ErrorCause> errorCauses) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ErrorCause(String errorSummary, String reason, String locationType, String location, String domain) {
    }
}
