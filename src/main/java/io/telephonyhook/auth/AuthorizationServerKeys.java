package io.telephonyhook.auth;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authorization server's signing keys, from its JWKS. A call only reads the keys held in memory; the network is
 * used on one background thread:
 * <ul>
 *   <li>once at start-up, waited for at most the fetch wait: a server that is down then does not stop the start
 *       (tokens are refused until keys arrive);</li>
 *   <li>every {@link #REFRESH_EVERY}, so a key the server retires stops being accepted;</li>
 *   <li>when a token names a key id not held (the server rotated its keys), at most once per unknown-key interval
 *       ({@link #UNKNOWN_KEY_INTERVAL}), so tokens with made-up key ids cannot make the hook hammer the server. Calls
 *       that meet an unknown key while a fetch is under way wait for that fetch instead of starting another.</li>
 * </ul>
 * A call waits at most the fetch wait ({@link #FETCH_WAIT}) for a fetch, whatever the server does; the fetch itself
 * ends by its connect and read timeouts and a size limit. A fetch that fails (the server is down, answers an error,
 * or sends something that is not a JWKS) keeps the keys already held: an outage never drops a key. Nimbus's own
 * {@code JWKSourceBuilder} was weighed: it fetches on the calling thread (a call could wait out the server's timeouts)
 * and its rate limit lets two fetches through per interval, background refreshes included.
 */
public final class AuthorizationServerKeys implements JWKSource<SecurityContext>, AutoCloseable {

    static final Duration REFRESH_EVERY = Duration.ofMinutes(5);
    static final Duration UNKNOWN_KEY_INTERVAL = Duration.ofMinutes(1);
    static final Duration FETCH_WAIT = Duration.ofSeconds(1);
    private static final int CONNECT_TIMEOUT_MILLIS = 500;
    private static final int READ_TIMEOUT_MILLIS = 500;
    /** Okta's JWKS holds a few keys of about 0.5 KB each. */
    private static final int SIZE_LIMIT_BYTES = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(AuthorizationServerKeys.class);

    private final URL jwksUrl;
    private final long unknownKeyIntervalNanos;
    private final Duration fetchWait;
    /** One daemon thread: every fetch and the refresh schedule; it never keeps a JVM from exiting. */
    private final ScheduledExecutorService fetcher;
    private final Object fetchLock = new Object();

    private volatile JWKSet keys = new JWKSet();
    /** The fetch under way, which calls join; null when none. Guarded by fetchLock. */
    private CompletableFuture<JWKSet> fetchUnderWay;
    /** When a call may next fetch for an unknown key id (System.nanoTime). Guarded by fetchLock. */
    private long nextUnknownKeyFetch;

    public AuthorizationServerKeys(URI jwksUrl) {
        this(jwksUrl, REFRESH_EVERY, UNKNOWN_KEY_INTERVAL, FETCH_WAIT);
    }

    /**
     * @param refreshEvery       how often the keys are fetched in the background
     * @param unknownKeyInterval the least time between two fetches for an unknown key id
     * @param fetchWait          the longest a call (or the start-up) waits for a fetch
     */
    AuthorizationServerKeys(URI jwksUrl, Duration refreshEvery, Duration unknownKeyInterval, Duration fetchWait) {
        this.jwksUrl = toUrl(jwksUrl);
        this.unknownKeyIntervalNanos = unknownKeyInterval.toNanos();
        this.fetchWait = fetchWait;
        this.nextUnknownKeyFetch = System.nanoTime();
        this.fetcher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "telephony-hook-jwks");
            thread.setDaemon(true);
            return thread;
        });
        CompletableFuture<JWKSet> first;
        synchronized (fetchLock) {
            first = fetch();
        }
        if (await(first) == null) {
            log.warn("OAuth: no signing keys from {} yet; bearer tokens are refused until they arrive", jwksUrl);
        }
        long refreshNanos = refreshEvery.toNanos();
        fetcher.scheduleWithFixedDelay(this::refresh, refreshNanos, refreshNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * The held keys the selector matches. None matching (a token signed with a key id not held) fetches the JWKS
     * again, unless a fetch for an unknown key was made less than the unknown-key interval ago.
     */
    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        List<JWK> matching = selector.select(keys);
        if (!matching.isEmpty()) {
            return matching;
        }
        CompletableFuture<JWKSet> fetch;
        synchronized (fetchLock) {
            if (fetchUnderWay != null) {
                fetch = fetchUnderWay;
            } else if (System.nanoTime() - nextUnknownKeyFetch < 0) {
                return List.of();
            } else {
                nextUnknownKeyFetch = System.nanoTime() + unknownKeyIntervalNanos;
                fetch = fetch();
            }
        }
        JWKSet fetched = await(fetch);
        return fetched == null ? List.of() : selector.select(fetched);
    }

    /** The key ids held now. */
    public Set<String> keyIds() {
        return keys.getKeys().stream().map(JWK::getKeyID).collect(Collectors.toSet());
    }

    @Override
    public void close() {
        fetcher.shutdownNow();
    }

    private void refresh() {
        synchronized (fetchLock) {
            if (fetchUnderWay == null) {
                fetch();
            }
        }
    }

    /** Starts a fetch on the fetcher thread; the held keys change when it succeeds. Called holding fetchLock. */
    private CompletableFuture<JWKSet> fetch() {
        CompletableFuture<JWKSet> fetch = CompletableFuture.supplyAsync(this::load, fetcher)
                .whenComplete((fetched, failure) -> {
                    synchronized (fetchLock) {
                        fetchUnderWay = null;
                    }
                    if (fetched != null) {
                        replaceKeys(fetched);
                    } else {
                        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                        log.warn("OAuth: could not fetch the signing keys from {} ({}); keeping the {} held", jwksUrl,
                                cause, keys.size());
                    }
                });
        // a fetch that ended already ran the step above, on this thread: keeping it would be a fetch "under way" forever
        fetchUnderWay = fetch.isDone() ? null : fetch;
        return fetch;
    }

    private JWKSet load() {
        try {
            // public parts only: a JWKS that wrongly carried private or symmetric key material gains nothing here
            return JWKSet.load(jwksUrl, CONNECT_TIMEOUT_MILLIS, READ_TIMEOUT_MILLIS, SIZE_LIMIT_BYTES).toPublicJWKSet();
        } catch (IOException | ParseException unusable) {
            throw new CompletionException(unusable);
        }
    }

    private void replaceKeys(JWKSet fetched) {
        Set<String> before = keyIds();
        keys = fetched;
        Set<String> after = keyIds();
        if (!after.equals(before)) {
            log.info("OAuth: signing keys from {}: key ids {}", jwksUrl, after);
        }
    }

    /** The fetch's keys, or null when it failed or has not ended within the fetch wait (it then goes on alone). */
    private JWKSet await(CompletableFuture<JWKSet> fetch) {
        try {
            return fetch.get(fetchWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException stillFetching) {
            log.warn("OAuth: {} did not answer within {} ms; the call goes on with the keys held", jwksUrl,
                    fetchWait.toMillis());
            return null;
        } catch (ExecutionException failed) {
            return null; // logged where the fetch ended
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static URL toUrl(URI jwksUrl) {
        try {
            return jwksUrl.toURL();
        } catch (MalformedURLException | IllegalArgumentException unusable) {
            throw new IllegalArgumentException("not a URL: " + jwksUrl, unusable);
        }
    }
}
