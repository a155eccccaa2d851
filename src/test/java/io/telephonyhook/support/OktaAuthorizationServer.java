package io.telephonyhook.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Okta's custom authorization server as the hook sees it: a JWKS on loopback ({@code {issuer}/v1/keys}) with keys
 * made here, and the access tokens Okta would send, signed with them. The server can rotate its keys, go down and come
 * back on the same port, or stop answering, and counts the requests for its keys.
 */
public final class OktaAuthorizationServer implements AutoCloseable {

    public static final String AUDIENCE = "api://telephony-hook";
    public static final String SCOPE = "okta.telephonyHook";
    /** The client id of the app Okta's hook authenticates as (the token's {@code cid}). */
    public static final String CLIENT_ID = "0oa1telephonyhook";
    private static final String KEYS_PATH = "/oauth2/default/v1/keys";

    private final int port;
    private final ExecutorService handlers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "okta-authorization-server");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger keyRequests = new AtomicInteger();
    private volatile HttpServer server;
    private volatile JWKSet published;
    private volatile Duration answerDelay = Duration.ZERO;
    private final RSAKey signingKey;

    private OktaAuthorizationServer(RSAKey signingKey) {
        this.signingKey = signingKey;
        this.published = new JWKSet(signingKey.toPublicJWK());
        this.server = listen(0);
        this.port = server.getAddress().getPort();
    }

    /** Publishing one RSA key, the one {@link #accessToken()} signs with. */
    public static OktaAuthorizationServer start() {
        return new OktaAuthorizationServer(rsaKey("okta-key-1"));
    }

    public String issuer() {
        return "http://127.0.0.1:" + port + "/oauth2/default";
    }

    public URI jwksUrl() {
        return URI.create("http://127.0.0.1:" + port + KEYS_PATH);
    }

    /** The key the server signs with unless told otherwise (published from the start). */
    public RSAKey signingKey() {
        return signingKey;
    }

    /** Publishes these keys (their public parts) instead of the current ones, as a key rotation does. */
    public void publish(JWK... keys) {
        published = new JWKSet(List.of(keys).stream().map(JWK::toPublicJWK).toList());
    }

    /** How many times the JWKS was asked for. */
    public int keyRequests() {
        return keyRequests.get();
    }

    /** An outage: nothing listens on the port any more (connections are refused). */
    public void goDown() {
        server.stop(0);
    }

    /** Back from an outage, on the same port. */
    public void comeBack() {
        server = listen(port);
    }

    /** The JWKS is answered only after this delay (a server that hangs). */
    public void answerAfter(Duration delay) {
        answerDelay = delay;
    }

    /** A fresh RSA signing key (2048 bits, as Okta's) with this key id. */
    public static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh EC P-256 signing key with this key id. */
    public static ECKey ecKey(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a token Okta would send for the hook: this issuer, the audience and scope, valid for an hour. */
    public JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience(AUDIENCE)
                .subject("0oa1telephonyhook")
                .claim("cid", CLIENT_ID)
                .claim("scp", List.of(SCOPE))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .jwtID(UUID.randomUUID().toString());
    }

    /** A valid access token, signed with {@link #signingKey()}. */
    public String accessToken() {
        return sign(claims().build(), signingKey);
    }

    /** These claims signed with this key: RS256 for an RSA key, ES256 for an EC one. */
    public static String sign(JWTClaimsSet claims, JWK key) {
        try {
            boolean rsa = key instanceof RSAKey;
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(rsa ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256)
                    .keyID(key.getKeyID()).build(), claims);
            jwt.sign(rsa ? new RSASSASigner(key.toRSAKey()) : new ECDSASigner(key.toECKey()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private HttpServer listen(int onPort) {
        try {
            HttpServer listening = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 16);
            listening.createContext(KEYS_PATH, this::keys);
            listening.setExecutor(handlers);
            listening.start();
            return listening;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void keys(HttpExchange exchange) throws IOException {
        try (exchange) {
            keyRequests.incrementAndGet();
            Thread.sleep(answerDelay.toMillis());
            byte[] body = published.toString(true).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }
}
