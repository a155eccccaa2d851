package io.telephonyhook.auth;

/** The caller did not send Okta's authentication header, or sent the wrong value. Answered with HTTP 401. */
public class HookAuthenticationException extends RuntimeException {

    public HookAuthenticationException(String message) {
        // No stack trace: this is an expected answer to a caller, not a fault in the hook.
        super(message, null, false, false);
    }
}
