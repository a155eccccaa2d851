package io.telephonyhook.auth;

import io.telephonyhook.okta.HookRefusal;
import io.telephonyhook.okta.OktaErrorResponse;

/** The caller did not send Okta's authentication header, or sent the wrong value. Answered with HTTP 401. */
public class HookAuthenticationException extends HookRefusal {

    public HookAuthenticationException(String message) {
        super(401, "unauthenticated", message);
    }

    @Override
    public OktaErrorResponse errorResponse() {
        return unauthenticated();
    }

    /** Okta's error object for a 401, also written by the hosts' own gates before the route runs. */
    public static OktaErrorResponse unauthenticated() {
        return OktaErrorResponse.of("Unauthorized", "The authentication header is missing or wrong", "UNAUTHORIZED",
                "header", null);
    }
}
