package io.telephonyhook.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Function;

/**
 * Okta's static header secret: the admin's "authentication field" header with the "authentication secret" as its
 * exact value. During a rotation a previous secret is accepted too, and the check says which one a caller used
 * ({@code secret} or {@code previous-secret}), so the operator sees when the old one can go.
 *
 * <p>Values are compared as SHA-256 digests with {@link MessageDigest#isEqual}, and the presented value is always
 * compared with both secrets, so neither a secret's content, its length, nor which of the two matched shows in
 * response times.
 */
public final class HeaderSecrets implements CallerCredential {

    public static final String CURRENT = "secret";
    public static final String PREVIOUS = "previous-secret";

    /** One per thread: looking a digest up by name for every call cost more than the hashing. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    });

    private final String headerName;
    private final byte[] current;
    private final byte[] previous;

    /** @param previousSecret the secret being rotated out; null when there is none */
    public HeaderSecrets(String headerName, String secret, String previousSecret) {
        if (headerName == null || headerName.isBlank() || secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the authentication header name and secret are both required");
        }
        this.headerName = headerName.strip();
        this.current = sha256(secret);
        this.previous = previousSecret == null || previousSecret.isEmpty() ? null : sha256(previousSecret);
    }

    @Override
    public CredentialCheck check(Function<String, String> header) {
        String presented = header.apply(headerName);
        if (presented == null) {
            return CredentialCheck.refused("no " + headerName + " header");
        }
        byte[] digest = sha256(presented);
        boolean isCurrent = MessageDigest.isEqual(current, digest);
        boolean isPrevious = previous != null && MessageDigest.isEqual(previous, digest);
        if (isCurrent) {
            return CredentialCheck.accepted(CURRENT);
        }
        return isPrevious ? CredentialCheck.accepted(PREVIOUS) : CredentialCheck.refused("wrong " + headerName + " header");
    }

    public String headerName() {
        return headerName;
    }

    /** A secret's digest: secrets are compared by their digests with {@link MessageDigest#isEqual}, in constant time. */
    public static byte[] sha256(String value) {
        // digest() leaves the instance reset for the thread's next call
        return SHA256.get().digest(value.getBytes(StandardCharsets.UTF_8));
    }
}
