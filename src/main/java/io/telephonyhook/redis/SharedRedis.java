package io.telephonyhook.redis;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Redis that instances share ({@code HOOK_DEDUP_REDIS_URL}): eventIds for deduplication, and the counters of the
 * rate limits. One connection, made and remade in the background, so Redis never holds a call:
 * <ul>
 *   <li>while there is no connection, {@link #commands()} fails at once;
 *   <li>commands are refused at once while Lettuce reconnects, not queued;
 *   <li>every command has the short timeout given here.
 * </ul>
 * Callers treat {@link RedisUnavailableException} as "no shared state" and go on with their instance's own.
 */
public final class SharedRedis implements AutoCloseable {

    private static final Duration RECONNECT_EVERY = Duration.ofSeconds(5);
    /** How long a call waits for the shared Redis before going on without it. */
    static final Duration COMMAND_TIMEOUT = Duration.ofMillis(250);
    private static final Logger log = LoggerFactory.getLogger(SharedRedis.class);

    private final String where;
    private final Duration commandTimeout;
    private final RedisURI uri;
    private final ClientResources resources;
    private final RedisClient client;
    private final ScheduledExecutorService connector;
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile boolean closed;
    /** False from a command that failed until one answers: what {@link #reachable} reports beside the connection. */
    private volatile boolean answering = true;

    /** @param commandTimeout the longest a call waits for one Redis command before going on without it */
    public SharedRedis(URI url, Duration commandTimeout) {
        this.where = url.getHost() + ":" + (url.getPort() < 0 ? 6379 : url.getPort()); // never the password
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

    /** The Redis of {@code HOOK_DEDUP_REDIS_URL}, connecting in the background; null when it is not set. */
    public static SharedRedis of(io.telephonyhook.config.DedupSettings settings) {
        URI url = settings.redisUri();
        return url == null ? null : new SharedRedis(url, COMMAND_TIMEOUT);
    }

    /** Commands on the shared connection; throws at once when there is none. */
    public RedisAsyncCommands<String, String> commands() {
        StatefulRedisConnection<String, String> current = connection;
        if (current == null || !current.isOpen()) {
            answering = false;
            throw new RedisUnavailableException("not connected to Redis at " + where, null);
        }
        return current.async();
    }

    /** Waits for a command's answer at most the command timeout; any failure is {@link RedisUnavailableException}. */
    public <T> T await(RedisFuture<T> command) {
        try {
            T answer = command.get(commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
            answering = true;
            return answer;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new RedisUnavailableException("interrupted waiting for Redis at " + where, interrupted);
        } catch (Exception failed) {
            answering = false;
            throw new RedisUnavailableException("Redis at " + where + " did not answer", failed);
        }
    }

    /** True once connected (Lettuce reconnects by itself after that). */
    public boolean connected() {
        StatefulRedisConnection<String, String> current = connection;
        return current != null && current.isOpen();
    }

    /**
     * True while connected and the last command waited for was answered: false from a failed command (Redis stopped,
     * a network partition Lettuce has not noticed yet) until one succeeds again.
     */
    public boolean reachable() {
        return connected() && answering;
    }

    /** host:port, never the password. */
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

    /** Connects, or tries again later; calls go on without Redis until it is reached. */
    private void connect() {
        if (closed) {
            return;
        }
        try {
            connection = client.connect(StringCodec.UTF8, uri);
            log.info("Instances share eventIds, rate limits and deliveries through Redis at {}", where);
        } catch (RedisException unreachable) {
            log.warn("Redis at {} is unreachable ({}): each instance keeps its own eventIds, rate limits and deliveries"
                    + " until it is reached; trying again every {} s", where, rootCause(unreachable), RECONNECT_EVERY.toSeconds());
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
