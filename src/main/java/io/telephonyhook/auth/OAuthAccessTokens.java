package io.telephonyhook.auth;

import java.text.ParseException;
import java.time.Clock;
import java.util.Set;
import java.util.function.Function;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import io.telephonyhook.config.OAuthSettings;

/**
 * An OAuth 2.0 access token as Okta's credential: Okta gets a token from the authorization server (client_secret_post
 * or private_key_jwt) and sends it as {@code Authorization: Bearer <JWT>}. The token passes when it is signed with one
 * of the server's keys ({@link AuthorizationServerKeys}) by an asymmetric algorithm, and its claims are the hook's
 * ({@link AccessTokenClaims}). Parsing and signature checks are Nimbus JOSE+JWT's.
 *
 * <p>Only RSA and EC signatures are accepted: an unsigned token ({@code alg: none}) is never a credential, and an
 * HMAC one (HS256...) would be checked against a secret anyone can read, the server's public key. Tokens are not
 * cached: an RSA signature check costs well under a millisecond.
 *
 * <p>Refusal reasons are fixed text: never the token, nor any of its claims.
 */
public final class OAuthAccessTokens implements CallerCredential, AutoCloseable {

    /** The credential's name in {@code telephony_hook_authentications_total{credential}}. */
    public static final String NAME = "oauth";
    static final Set<JWSAlgorithm> ACCEPTED_ALGORITHMS = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    private static final String HEADER = "Authorization";
    private static final String SCHEME = "bearer ";

    private final AuthorizationServerKeys keys;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public OAuthAccessTokens(OAuthSettings settings) {
        this(settings, new AuthorizationServerKeys(settings.keysUrl()), Clock.systemUTC());
    }

    OAuthAccessTokens(OAuthSettings settings, AuthorizationServerKeys keys, Clock clock) {
        this.keys = keys;
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ACCEPTED_ALGORITHMS, keys));
        // Okta's access tokens carry no typ; RFC 9068's at+jwt is taken too
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT,
                new JOSEObjectType("at+jwt"), new JOSEObjectType("application/at+jwt"), null));
        processor.setJWTClaimsSetVerifier(new AccessTokenClaims(settings.getIssuer(), settings.getAudience(),
                settings.getScope(), settings.getClientId(), clock));
    }

    @Override
    public CredentialCheck check(Function<String, String> header) {
        String authorization = header.apply(HEADER);
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return CredentialCheck.refused("no bearer token in the " + HEADER + " header");
        }
        String token = authorization.substring(SCHEME.length()).strip();
        try {
            JWT jwt = JWTParser.parse(token);
            if (jwt instanceof PlainJWT) {
                return refused("is not signed (alg none)");
            }
            if (!(jwt instanceof SignedJWT signed)) {
                return refused("is encrypted, not signed");
            }
            if (!ACCEPTED_ALGORITHMS.contains(signed.getHeader().getAlgorithm())) {
                return refused("is not signed with RSA or EC (RS*, PS*, ES*)");
            }
            processor.process(signed, null);
            return CredentialCheck.accepted(NAME);
        } catch (ParseException notAJwt) {
            return refused("is not a JWT");
        } catch (AccessTokenClaims.Refused claim) {
            return refused(claim.getMessage());
        } catch (BadJWTException unreadableClaims) {
            return refused("has claims that are not a JSON object");
        } catch (BadJWSException badSignature) {
            return refused("has an invalid signature");
        } catch (BadJOSEException noKey) {
            return refused("is signed with a key the authorization server does not publish (kid), or has a wrong typ");
        } catch (JOSEException | RuntimeException unverifiable) {
            return refused("could not be verified (" + unverifiable.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public void close() {
        keys.close();
    }

    private static CredentialCheck refused(String reason) {
        return CredentialCheck.refused("bearer token " + reason);
    }
}
