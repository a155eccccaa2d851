package io.telephonyhook.okta;

/**
 * The body had not all arrived by the call's deadline: a caller trickling it would hold a thread for as long as it
 * liked. Answered with HTTP 408 (Okta sends its ~1 KB at once, and waits 3 s in all).
 */
public class RequestTimeoutException extends HookRefusal {

    public RequestTimeoutException() {
        super(408, "timeout", "body not received by the call's deadline");
    }

    @Override
    public OktaErrorResponse errorResponse() {
        return OktaErrorResponse.of("Request timeout", getMessage(), "HTTP_408", "body", null);
    }
}
