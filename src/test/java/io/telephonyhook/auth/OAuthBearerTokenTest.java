package io.telephonyhook.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.OktaAuthorizationServer;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.Prometheus;

/**
 * OAuth 2.0 access tokens, end to end: the hook in live mode with OKTA_HOOK_OAUTH_ISSUER, _JWKS_URL, _AUDIENCE and
 * _SCOPE pointing at an authorization server on loopback, beside the header secret of every other test (an org moving
 * from one to the other). Real POSTs with {@code Authorization: Bearer <JWT>}; anything but a valid token is 401 with
 * Okta's error object, for a reason the log names without the token, and Twilio is never called.
 *
 * <p>The hook fetches keys for an unknown key id at most once a minute, as in production, so the rotation runs first:
 * its token is the first this context sees with an unknown key id.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class OAuthBearerTokenTest extends HookTestSupport {

    private static final String ACCEPTED = "telephony_hook_authentications_total";
    private static final OktaAuthorizationServer authorizationServer = OktaAuthorizationServer.start();
    /** Published from the start beside the RSA key: Okta signs with RSA, but EC keys are verified the same way. */
    private static final ECKey EC_KEY = OktaAuthorizationServer.ecKey("ec-key-1");
    /** The key the authorization server rotates to in the first test. */
    private static final RSAKey ROTATED_KEY = OktaAuthorizationServer.rsaKey("okta-key-2");

    static {
        authorizationServer.publish(authorizationServer.signingKey(), EC_KEY);
    }

    private Prometheus prometheus;

    @DynamicPropertySource
    static void oauthFromTheLoopbackAuthorizationServer(DynamicPropertyRegistry properties) {
        properties.add("okta.hook.oauth.issuer", authorizationServer::issuer);
        properties.add("okta.hook.oauth.jwks-url", () -> authorizationServer.jwksUrl().toString());
        properties.add("okta.hook.oauth.audience", () -> OktaAuthorizationServer.AUDIENCE);
        properties.add("okta.hook.oauth.scope", () -> OktaAuthorizationServer.SCOPE);
        properties.add("okta.hook.oauth.client-id", () -> OktaAuthorizationServer.CLIENT_ID);
    }

    @BeforeEach
    void scraper() {
        prometheus = new Prometheus(managementUrl());
    }

    @AfterAll
    static void stopTheAuthorizationServer() {
        authorizationServer.close();
    }

    @Test
    @Order(1)
    void aKeyRotationIsPickedUpByTheFirstTokenSignedWithTheNewKey() {
        authorizationServer.publish(authorizationServer.signingKey(), EC_KEY, ROTATED_KEY);

        Answer answer = postBearer(OktaAuthorizationServer.sign(authorizationServer.claims().build(), ROTATED_KEY));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(twilio.received()).hasSize(1);
    }

    @Test
    @Order(2)
    void aJwksOutageDropsNoKeyAlreadyHeld() {
        authorizationServer.goDown();
        try {
            assertThat(postBearer(authorizationServer.accessToken()).actionStatus()).isEqualTo("SUCCESSFUL");
            assertThat(postBearer(OktaAuthorizationServer.sign(authorizationServer.claims().build(), ROTATED_KEY))
                    .actionStatus()).isEqualTo("SUCCESSFUL");
            assertThat(twilio.received()).hasSize(2);
        } finally {
            authorizationServer.comeBack();
        }
    }

    @Test
    void aValidTokenPassesAndIsCountedAsOAuth() {
        double oauthBefore = prometheus.value(ACCEPTED, Map.of("credential", "oauth"));
        double secretBefore = prometheus.value(ACCEPTED, Map.of("credential", "secret"));

        Answer answer = postBearer(authorizationServer.accessToken());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(twilio.received()).hasSize(1);
        assertThat(prometheus.value(ACCEPTED, Map.of("credential", "oauth"))).isEqualTo(oauthBefore + 1);
        assertThat(prometheus.value(ACCEPTED, Map.of("credential", "secret"))).isEqualTo(secretBefore);
    }

    @Test
    void theHeaderSecretStillPassesBesideOAuth() {
        double secretBefore = prometheus.value(ACCEPTED, Map.of("credential", "secret"));

        Answer answer = okta.post(OktaRequest.sms());

        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(prometheus.value(ACCEPTED, Map.of("credential", "secret"))).isEqualTo(secretBefore + 1);
    }

    @Test
    void anEcSignedTokenPasses() {
        Answer answer = postBearer(OktaAuthorizationServer.sign(authorizationServer.claims().build(), EC_KEY));

        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
    }

    @Test
    void scopesAsASpaceSeparatedStringPass() {
        JWTClaimsSet claims = authorizationServer.claims().claim("scp", "openid " + OktaAuthorizationServer.SCOPE).build();

        assertThat(postBearer(sign(claims)).actionStatus()).isEqualTo("SUCCESSFUL");
    }

    @Test
    void theBearerSchemeIsMatchedCaseInsensitively() {
        Answer answer = okta.post(OktaRequest.sms().json(), "Authorization", "bearer " + authorizationServer.accessToken());

        assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL");
    }

    @Test
    void clocksUpTo60SecondsApartAreTolerated() {
        Instant now = Instant.now();
        JWTClaimsSet justExpired = authorizationServer.claims().expirationTime(Date.from(now.minusSeconds(30))).build();
        JWTClaimsSet almostValid = authorizationServer.claims().notBeforeTime(Date.from(now.plusSeconds(30))).build();

        assertThat(postBearer(sign(justExpired)).actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(postBearer(sign(almostValid)).actionStatus()).isEqualTo("SUCCESSFUL");
    }

    @Test
    void anExpiredTokenIsRefused(CapturedOutput log) {
        Instant now = Instant.now();
        JWTClaimsSet claims = authorizationServer.claims().issueTime(Date.from(now.minus(Duration.ofHours(1))))
                .expirationTime(Date.from(now.minusSeconds(120))).build();

        assertRefused(sign(claims), log, "bearer token has expired (exp)");
    }

    @Test
    void aTokenWithoutExpiryIsRefused(CapturedOutput log) {
        assertRefused(sign(authorizationServer.claims().expirationTime(null).build()), log, "bearer token has no expiry (exp)");
    }

    @Test
    void aTokenNotValidYetIsRefused(CapturedOutput log) {
        JWTClaimsSet claims = authorizationServer.claims().notBeforeTime(Date.from(Instant.now().plusSeconds(120))).build();

        assertRefused(sign(claims), log, "bearer token is not valid yet (nbf)");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused(CapturedOutput log) {
        JWTClaimsSet claims = authorizationServer.claims().issuer(authorizationServer.issuer() + "x").build();

        assertRefused(sign(claims), log, "bearer token was issued by another authorization server (iss)");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused(CapturedOutput log) {
        JWTClaimsSet claims = authorizationServer.claims().audience(List.of("api://default", "api://other")).build();

        assertRefused(sign(claims), log, "bearer token is for another audience (aud)");
    }

    /** An end user's token from the same server: another app's client id, the default audience, openid and profile. */
    @Test
    void aUsersTokenForAnotherAppIsRefused(CapturedOutput log) {
        JWTClaimsSet claims = authorizationServer.claims().claim("cid", "0oa1someotherapp")
                .claim("scp", List.of("openid", "profile")).build();

        assertRefused(sign(claims), log, "bearer token does not grant the scope");
    }

    @Test
    void aTokenIssuedToAnotherClientIsRefused(CapturedOutput log) {
        JWTClaimsSet claims = authorizationServer.claims().claim("cid", "0oa1someotherapp").build();

        assertRefused(sign(claims), log, "bearer token was issued to another client (cid)");
    }

    @Test
    void aTokenWithoutTheScopeIsRefused(CapturedOutput log) {
        JWTClaimsSet claims = authorizationServer.claims().claim("scp", List.of("openid", "okta.telephonyHookx")).build();

        assertRefused(sign(claims), log, "bearer token does not grant the scope okta.telephonyHook (scp)");
    }

    @Test
    void aTokenSignedWithAKeyTheServerDoesNotPublishIsRefused(CapturedOutput log) {
        RSAKey unpublished = OktaAuthorizationServer.rsaKey("unpublished-key");

        assertRefused(OktaAuthorizationServer.sign(authorizationServer.claims().build(), unpublished), log,
                "bearer token is signed with a key the authorization server does not publish (kid)");
    }

    @Test
    void aTokenWithAnotherKeysIdButItsOwnSignatureIsRefused(CapturedOutput log) throws JOSEException {
        RSAKey impostor = new RSAKey.Builder(OktaAuthorizationServer.rsaKey("x"))
                .keyID(authorizationServer.signingKey().getKeyID()).build();

        assertRefused(OktaAuthorizationServer.sign(authorizationServer.claims().build(), impostor), log,
                "bearer token has an invalid signature");
    }

    @Test
    void aTamperedSignatureIsRefused(CapturedOutput log) {
        String[] parts = authorizationServer.accessToken().split("\\.");
        char[] signature = parts[2].toCharArray();
        int middle = signature.length / 2;
        signature[middle] = signature[middle] == 'A' ? 'B' : 'A';

        assertRefused(parts[0] + "." + parts[1] + "." + new String(signature), log, "bearer token has an invalid signature");
    }

    @Test
    void anUnsignedTokenIsRefused(CapturedOutput log) {
        String unsigned = new PlainJWT(authorizationServer.claims().build()).serialize();

        assertRefused(unsigned, log, "bearer token is not signed (alg none)");
    }

    /** Key confusion: HS256 "signed" with the published RSA key's modulus, which anyone can read from the JWKS. */
    @Test
    void anHmacTokenIsRefusedEvenWithThePublicKeyAsItsSecret(CapturedOutput log) throws JOSEException {
        RSAKey published = authorizationServer.signingKey().toPublicJWK();
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(published.getKeyID()).build(),
                authorizationServer.claims().build());
        hmac.sign(new MACSigner(published.getModulus().decode()));

        assertRefused(hmac.serialize(), log, "bearer token is not signed with RSA or EC");
    }

    @Test
    void somethingThatIsNotAJwtIsRefused(CapturedOutput log) {
        assertRefused("not-a-jwt", log, "bearer token is not a JWT");
    }

    private Answer postBearer(String token) {
        return okta.post(OktaRequest.sms().json(), "Authorization", "Bearer " + token);
    }

    private static String sign(JWTClaimsSet claims) {
        return OktaAuthorizationServer.sign(claims, authorizationServer.signingKey());
    }

    /** 401 with Okta's error object, nothing sent, and the reason logged without the token. */
    private void assertRefused(String token, CapturedOutput log, String reason) {
        Answer answer = postBearer(token);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().at("/error/errorSummary").asText()).isEqualTo("Unauthorized");
        assertThat(twilio.received()).isEmpty();
        assertThat(log.getAll()).contains("status=401").contains(reason).doesNotContain(token);
    }
}
