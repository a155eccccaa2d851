package io.telephonyhook.okta;

/** The body is larger than {@code HOOK_MAX_BODY}. Okta's are about 1 KB; answered with HTTP 413. */
public class RequestTooLargeException extends HookRefusal {

    public RequestTooLargeException(long maxBytes) {
        super(413, "too_large", "body over " + maxBytes + " bytes");
    }

    @Override
    public OktaErrorResponse errorResponse() {
        return OktaErrorResponse.of("Payload too large", getMessage(), "HTTP_413", "body", null);
    }
}
