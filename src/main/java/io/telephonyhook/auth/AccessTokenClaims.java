package io.telephonyhook.auth;

import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import com.nimbusds.jwt.util.DateUtils;

/**
 * What an access token must say, once its signature is verified: issued by the configured authorization server
 * ({@code iss}, exactly), for the hook ({@code aud} contains the audience), still valid ({@code exp} required,
 * {@code nbf} honoured, each with at most {@value #MAX_CLOCK_SKEW_SECONDS} s of clock skew), when a scope is
 * configured, granting it ({@code scp}: Okta's JSON array, or a space-separated string), and when a client id is
 * configured, issued to that client ({@code cid}, Okta's claim for it).
 *
 * <p>Each refusal has a fixed reason naming the claim, never the claim's value: a forged token's claims are the
 * caller's text, and reasons go to the log.
 */
final class AccessTokenClaims implements JWTClaimsSetVerifier<SecurityContext> {

    static final int MAX_CLOCK_SKEW_SECONDS = 60;

    private final String issuer;
    private final String audience;
    private final String scope;
    private final String clientId;
    private final Clock clock;

    /**
     * @param scope    the scope required, null for none
     * @param clientId the client the token must be issued to ({@code cid}), null for any
     */
    AccessTokenClaims(String issuer, String audience, String scope, String clientId, Clock clock) {
        this.issuer = issuer;
        this.audience = audience;
        this.scope = scope;
        this.clientId = clientId;
        this.clock = clock;
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws Refused {
        if (!issuer.equals(claims.getIssuer())) {
            throw new Refused("was issued by another authorization server (iss)");
        }
        List<String> audiences = claims.getAudience();
        if (audiences == null || !audiences.contains(audience)) {
            throw new Refused("is for another audience (aud)");
        }
        Date now = new Date(clock.millis());
        Date expires = claims.getExpirationTime();
        if (expires == null) {
            throw new Refused("has no expiry (exp)");
        }
        if (!DateUtils.isAfter(expires, now, MAX_CLOCK_SKEW_SECONDS)) {
            throw new Refused("has expired (exp)");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && !DateUtils.isBefore(notBefore, now, MAX_CLOCK_SKEW_SECONDS)) {
            throw new Refused("is not valid yet (nbf)");
        }
        if (scope != null && !scopes(claims.getClaim("scp")).contains(scope)) {
            throw new Refused("does not grant the scope " + scope + " (scp)");
        }
        if (clientId != null && !clientId.equals(claims.getClaim("cid"))) {
            throw new Refused("was issued to another client (cid)");
        }
    }

    /** Okta writes {@code scp} as a JSON array; a space-separated string (OAuth's own {@code scope} form) is read too. */
    private static Collection<?> scopes(Object scp) {
        if (scp instanceof Collection<?> list) {
            return list;
        }
        if (scp instanceof String text) {
            return Arrays.asList(text.trim().split("\\s+"));
        }
        return List.of();
    }

    /** A claim the hook does not accept; the message is fixed text, safe to log. */
    static final class Refused extends BadJWTException {

        Refused(String reason) {
            super(reason);
        }
    }
}
