package io.telephonyhook.okta;

/**
 * The request is not a telephony hook call we can read: not JSON, or without the phone number or the code.
 * Okta gets HTTP 400 with an error body naming {@link #location()}; nothing is sent.
 */
public class MalformedHookRequestException extends HookRefusal {

    private final String location;

    public MalformedHookRequestException(String location, String problem) {
        super(400, "malformed", location + " " + problem);
        this.location = location;
    }

    /** Where in the body the problem is, e.g. {@code data.messageProfile.phoneNumber}. */
    public String location() {
        return location;
    }

    @Override
    public OktaErrorResponse errorResponse() {
        return OktaErrorResponse.of("Invalid telephony hook request", getMessage(), "INVALID_REQUEST", "body", location);
    }
}
