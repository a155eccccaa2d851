package io.telephonyhook.dedup;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.telephonyhook.delivery.DeliveryOutcome;

/**
 * EventIds in a Redis that the instances share, so a retry that a load balancer sends to another instance is caught
 * too. One key per eventId, {@value #KEY_PREFIX}{eventId}, living {@code HOOK_DEDUP_TTL}:
 * <ul>
 *   <li>a claim is {@code SET key pending NX PX ttl}: Redis makes exactly one caller the first;
 *   <li>the first's outcome replaces {@code pending} as JSON (never the code, never the number);
 *   <li>a repeat reads the key every {@value #POLL_MILLIS} ms until the outcome is there or its wait is over.
 * </ul>
 * Redis never holds a call: every command has a short timeout, commands are refused at once while disconnected
 * (not queued), and the connection is made and remade in the background. The caller treats
 * {@link LedgerUnavailableException} as "no shared ledger" and goes on.
 */
public final class RedisEventLedger implements EventLedger {

    static final String KEY_PREFIX = "telephony-hook:event:";
    static final String PENDING = "pending";
    static final long POLL_MILLIS = 20;
    private static final Duration RECONNECT_EVERY = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(RedisEventLedger.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final String where;
    private final Duration ttl;
    private final Duration commandTimeout;
    private final RedisURI uri;
    private final ClientResources resources;
    private final RedisClient client;
    private final ScheduledExecutorService connector;
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile boolean closed;

    /**
     * @param commandTimeout the longest a Redis command may take before the call goes on without it
     */
    public RedisEventLedger(URI url, Duration ttl, Duration commandTimeout) {
        this.where = url.getHost() + ":" + (url.getPort() < 0 ? 6379 : url.getPort()); // never the password
        this.ttl = ttl;
        this.commandTimeout = commandTimeout;
        this.uri = RedisURI.create(url);
        uri.setTimeout(commandTimeout);
        // Two I/O threads are plenty for one connection; Lettuce's default is one per core and more.
        this.resources = DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2).build();
        this.client = RedisClient.create(resources);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout.multipliedBy(2)).build())
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .build());
        this.connector = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "telephony-hook-redis-connect");
            thread.setDaemon(true);
            return thread;
        });
        connector.execute(this::connect);
    }

    @Override
    public Earlier claim(String eventId, Duration maxWait) {
        RedisAsyncCommands<String, String> redis = commands();
        String key = KEY_PREFIX + eventId;
        long until = System.nanoTime() + Math.max(0, maxWait.toNanos());
        try {
            String set = await(redis.set(key, PENDING, SetArgs.Builder.nx().px(ttl.toMillis())));
            if ("OK".equals(set)) {
                return null;
            }
            while (true) {
                String value = await(redis.get(key));
                if (value == null) {
                    return new Earlier(null); // gone meanwhile (flushed, evicted): nothing to repeat, nothing to send
                }
                if (!PENDING.equals(value)) {
                    return new Earlier(JSON.readValue(value, DeliveryOutcome.class));
                }
                if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS) > until) {
                    return new Earlier(null);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Earlier(null);
        } catch (Exception unavailable) {
            throw new LedgerUnavailableException("Redis at " + where + " did not answer", unavailable);
        }
    }

    @Override
    public void settle(String eventId, DeliveryOutcome outcome) {
        StatefulRedisConnection<String, String> current = connection;
        if (current == null) {
            return; // the claim went elsewhere or Redis is gone: repeats wait out their deadline, then answer FAILED
        }
        try {
            // not awaited: the answer to Okta does not wait for Redis
            current.async().set(KEY_PREFIX + eventId, JSON.writeValueAsString(outcome), SetArgs.Builder.px(ttl.toMillis()))
                    .whenComplete((ok, failure) -> {
                        if (failure != null) {
                            log.warn("Could not record eventId={}'s outcome in Redis at {}: {}", eventId, where,
                                    failure.getClass().getSimpleName());
                        }
                    });
        } catch (Exception failure) {
            log.warn("Could not record eventId={}'s outcome in Redis at {}: {}", eventId, where,
                    failure.getClass().getSimpleName());
        }
    }

    /** True once connected (Lettuce reconnects by itself after that). */
    public boolean connected() {
        StatefulRedisConnection<String, String> current = connection;
        return current != null && current.isOpen();
    }

    public String where() {
        return where;
    }

    @Override
    public void close() {
        closed = true;
        connector.shutdownNow();
        StatefulRedisConnection<String, String> current = connection;
        if (current != null) {
            current.closeAsync();
        }
        client.shutdownAsync(0, 1, TimeUnit.SECONDS);
        resources.shutdown(0, 1, TimeUnit.SECONDS);
    }

    private RedisAsyncCommands<String, String> commands() {
        StatefulRedisConnection<String, String> current = connection;
        if (current == null || !current.isOpen()) {
            throw new LedgerUnavailableException("not connected to Redis at " + where, null);
        }
        return current.async();
    }

    private <T> T await(io.lettuce.core.RedisFuture<T> future)
            throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Connects, or tries again later; calls go on without Redis until it is reached. */
    private void connect() {
        if (closed) {
            return;
        }
        try {
            connection = client.connect(StringCodec.UTF8, uri);
            log.info("Deduplication shares eventIds through Redis at {}", where);
        } catch (RedisException unreachable) {
            log.warn("Redis at {} is unreachable ({}): each instance keeps its own eventIds until it is reached;"
                    + " trying again every {} s", where, rootCause(unreachable), RECONNECT_EVERY.toSeconds());
            if (!closed) {
                connector.schedule(this::connect, RECONNECT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }
}
