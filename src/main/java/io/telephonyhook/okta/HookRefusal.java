package io.telephonyhook.okta;

/**
 * A call the hook refuses with an HTTP error instead of Okta's command: the caller is not Okta (401), the body is too
 * large (413), not JSON (415), or not a telephony request we can read (400). Each refusal knows its own status and
 * Okta error object, so the route's one refusal path ({@code routes/error-handling.camel.yaml}) answers them all
 * alike and no step order can lose the status. Nothing is sent to Twilio.
 */
public abstract class HookRefusal extends RuntimeException {

    private final int httpStatus;
    private final String metricReason;

    /**
     * @param httpStatus   the HTTP status Okta gets
     * @param metricReason the {@code reason} tag of {@code telephony_hook_calls_total{outcome="refused"}}
     * @param message      what the log line says; never the secret, the code or the number
     */
    protected HookRefusal(int httpStatus, String metricReason, String message) {
        // No stack trace: an expected answer to a caller, not a fault in the hook.
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.metricReason = metricReason;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String metricReason() {
        return metricReason;
    }

    /** Okta's error object for this refusal. */
    public abstract OktaErrorResponse errorResponse();
}
