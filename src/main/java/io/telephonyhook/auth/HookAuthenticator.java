package io.telephonyhook.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Checks that a call comes from Okta: Okta sends the admin's "authentication field" header with the
 * "authentication secret" as its exact value, on every call. The check is a step of the route itself, so the
 * YAML stays safe wherever it runs, and it runs before the body is read.
 *
 * <p>The comparison is of SHA-256 digests with {@link MessageDigest#isEqual}, which takes the same time whatever
 * the input, so neither the secret's content nor its length leaks through response times. The header name is
 * matched case-insensitively, as HTTP requires (Camel's header map already is).
 */
public class HookAuthenticator implements Processor {

    private final String headerName;
    private final byte[] expectedDigest;

    public HookAuthenticator(String headerName, String secret) {
        if (headerName == null || headerName.isBlank() || secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the authentication header name and secret are both required");
        }
        this.headerName = headerName.strip();
        this.expectedDigest = sha256(secret);
    }

    @Override
    public void process(Exchange exchange) {
        String presented = exchange.getMessage().getHeader(headerName, String.class);
        if (presented == null) {
            throw new HookAuthenticationException("no " + headerName + " header");
        }
        if (!accepts(presented)) {
            throw new HookAuthenticationException("wrong " + headerName + " header");
        }
    }

    /** True when the header value is exactly the secret. */
    public boolean accepts(String presented) {
        return presented != null && MessageDigest.isEqual(expectedDigest, sha256(presented));
    }

    public String headerName() {
        return headerName;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }
}
