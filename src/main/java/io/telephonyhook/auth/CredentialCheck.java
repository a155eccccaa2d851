package io.telephonyhook.auth;

/**
 * What one check of a caller's credentials found: accepted, naming the credential that passed (the name tags the
 * {@code telephony_hook_authentications_total} metric), or refused with a reason for the log. A reason never
 * quotes what the caller sent.
 */
public record CredentialCheck(String credential, String refusal) {

    public static CredentialCheck accepted(String credential) {
        return new CredentialCheck(credential, null);
    }

    public static CredentialCheck refused(String reason) {
        return new CredentialCheck(null, reason);
    }

    public boolean accepted() {
        return credential != null;
    }
}
