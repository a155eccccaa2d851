package io.telephonyhook.auth;

import java.util.function.Function;

/**
 * One way Okta proves a call is its own: the header secret (with the previous one during a rotation), or an OAuth
 * 2.0 access token. Checks read request headers only, so a host can run them before the body is read.
 */
public interface CallerCredential {

    /**
     * @param header a request header's value by name (matched case-insensitively, as HTTP requires), null when absent
     * @return accepted with this credential's name, or refused with a reason; never throws
     */
    CredentialCheck check(Function<String, String> header);
}
