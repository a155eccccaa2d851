package io.telephonyhook.okta;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Okta's inline-hook error object. Its {@code errorSummary} can be shown to end users, so it never carries
 * anything internal (provider URLs, account ids, stack traces).
 */
public record OktaErrorResponse(Error error) {

    static final String DOMAIN = "telephonyHook";

    public record Error(String errorSummary, List<ErrorCause> errorCauses) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ErrorCause(String errorSummary, String reason, String locationType, String location, String domain) {
    }

    /** An error with one cause; {@code locationType} and {@code location} may be null. */
    public static OktaErrorResponse of(String summary, String cause, String reason, String locationType,
                                       String location) {
        return new OktaErrorResponse(new Error(summary,
                List.of(new ErrorCause(cause, reason, locationType, location, DOMAIN))));
    }
}
