package io.telephonyhook.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.telephonyhook.support.OktaAuthorizationServer;

/**
 * When the hook asks the authorization server for its keys, against a real JWKS on loopback: once at start-up, again
 * for an unknown key id at most once per interval, never making a call wait longer than the fetch wait, and never
 * losing keys it holds because the server is down.
 */
class AuthorizationServerKeysTest {

    private static final Duration NO_BACKGROUND_REFRESH = Duration.ofHours(1);
    private static final Duration FETCH_WAIT = Duration.ofMillis(300);

    private OktaAuthorizationServer server;
    private AuthorizationServerKeys keys;

    @BeforeEach
    void server() {
        server = OktaAuthorizationServer.start();
    }

    @AfterEach
    void stop() {
        if (keys != null) {
            keys.close();
        }
        server.close();
    }

    @Test
    void fetchedOnceAtStartThenServedFromMemory() {
        keys = keys(Duration.ofHours(1));

        for (int i = 0; i < 5; i++) {
            assertThat(find(server.signingKey().getKeyID())).hasSize(1);
        }
        assertThat(server.keyRequests()).isEqualTo(1);
    }

    @Test
    void theKeysAreRefreshedInTheBackgroundWithoutAnyCall() throws Exception {
        keys = new AuthorizationServerKeys(server.jwksUrl(), Duration.ofMillis(100), Duration.ofHours(1), FETCH_WAIT);
        RSAKey rotated = OktaAuthorizationServer.rsaKey("okta-key-2");
        server.publish(rotated);

        Thread.sleep(400);

        assertThat(keys.keyIds()).as("the retired key is gone, the new one held").containsExactly(rotated.getKeyID());
        assertThat(server.keyRequests()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anUnknownKeyIdFetchesAtMostOncePerInterval() throws Exception {
        keys = keys(Duration.ofMillis(800));

        assertThat(find("made-up-1")).isEmpty();
        assertThat(server.keyRequests()).as("start-up, then the first unknown key id").isEqualTo(2);
        RSAKey rotated = OktaAuthorizationServer.rsaKey("okta-key-2");
        server.publish(server.signingKey(), rotated);
        assertThat(find("made-up-2")).isEmpty();
        assertThat(find(rotated.getKeyID())).as("within the interval nothing is fetched, even for a real new key")
                .isEmpty();
        assertThat(server.keyRequests()).isEqualTo(2);

        Thread.sleep(900);
        assertThat(find(rotated.getKeyID())).as("the next interval's first unknown key id fetches").hasSize(1);
        assertThat(server.keyRequests()).isEqualTo(3);
    }

    @Test
    void aServerThatIsDownDropsNoKeyHeld() throws Exception {
        keys = keys(Duration.ofMillis(100));
        server.goDown();

        Thread.sleep(150);
        assertThat(find("rotated-while-down")).as("the fetch fails").isEmpty();
        assertThat(find(server.signingKey().getKeyID())).as("the key held before the outage").hasSize(1);
        assertThat(keys.keyIds()).containsExactly(server.signingKey().getKeyID());

        RSAKey rotated = OktaAuthorizationServer.rsaKey("okta-key-2");
        server.publish(server.signingKey(), rotated);
        server.comeBack();
        Thread.sleep(150);
        assertThat(find(rotated.getKeyID())).as("back up: the rotated key is fetched").hasSize(1);
    }

    @Test
    void aServerThatIsDownAtStartUpDoesNotStopIt() throws Exception {
        server.goDown();
        keys = keys(Duration.ofMillis(100));

        assertThat(keys.keyIds()).isEmpty();
        assertThat(find(server.signingKey().getKeyID())).isEmpty();

        server.comeBack();
        Thread.sleep(150);
        assertThat(find(server.signingKey().getKeyID())).hasSize(1);
    }

    @Test
    void aServerThatDoesNotAnswerHoldsACallNoLongerThanTheFetchWait() {
        server.answerAfter(Duration.ofSeconds(3));
        long start = System.nanoTime();
        keys = keys(Duration.ofMillis(1));
        Duration startUp = Duration.ofNanos(System.nanoTime() - start);

        start = System.nanoTime();
        List<JWK> found = find(server.signingKey().getKeyID());
        Duration call = Duration.ofNanos(System.nanoTime() - start);

        assertThat(found).isEmpty();
        // the server answers after 3 s: a wait near the fetch wait shows neither waited for it (the second of slack is
        // for a loaded machine, not part of the promise)
        assertThat(startUp).isLessThan(FETCH_WAIT.plusSeconds(1));
        assertThat(call).isLessThan(FETCH_WAIT.plusSeconds(1));
    }

    @Test
    void callsMeetingAnUnknownKeyTogetherShareOneFetch() throws Exception {
        keys = keys(Duration.ofHours(1));
        RSAKey rotated = OktaAuthorizationServer.rsaKey("okta-key-2");
        server.publish(server.signingKey(), rotated);
        server.answerAfter(Duration.ofMillis(150));

        List<Thread> calls = new ArrayList<>();
        List<List<JWK>> found = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 4; i++) {
            Thread call = new Thread(() -> found.add(find(rotated.getKeyID())));
            call.start();
            calls.add(call);
        }
        for (Thread call : calls) {
            call.join();
        }

        assertThat(found).hasSize(4).allSatisfy(keysFound -> assertThat(keysFound).hasSize(1));
        assertThat(server.keyRequests()).as("start-up, then one fetch for all four").isEqualTo(2);
    }

    private AuthorizationServerKeys keys(Duration unknownKeyInterval) {
        return new AuthorizationServerKeys(server.jwksUrl(), NO_BACKGROUND_REFRESH, unknownKeyInterval, FETCH_WAIT);
    }

    private List<JWK> find(String keyId) {
        return keys.get(new JWKSelector(new JWKMatcher.Builder().keyID(keyId).build()), null);
    }
}
