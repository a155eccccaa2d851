package io.telephonyhook.dedup;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.telephonyhook.delivery.DeliveryOutcome;
import io.telephonyhook.redis.RedisUnavailableException;
import io.telephonyhook.redis.SharedRedis;

/**
 * EventIds in the Redis the instances share, so a retry that a load balancer sends to another instance is caught
 * too. One key per eventId, {@value #KEY_PREFIX}{eventId}, living {@code HOOK_DEDUP_TTL}:
 * <ul>
 *   <li>a claim is {@code SET key pending NX PX ttl}: Redis makes exactly one caller the first;
 *   <li>the first's outcome replaces {@code pending} as JSON (status, Twilio SID, reason: never the code, never the
 *       number);
 *   <li>a repeat reads the key every {@value #POLL_MILLIS} ms until the outcome is there or its wait is over.
 * </ul>
 */
public final class RedisEventLedger implements EventLedger {

    static final String KEY_PREFIX = "telephony-hook:event:";
    static final String PENDING = "pending";
    static final long POLL_MILLIS = 20;

    private static final Logger log = LoggerFactory.getLogger(RedisEventLedger.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final SharedRedis redis;
    private final Duration ttl;

    public RedisEventLedger(SharedRedis redis, Duration ttl) {
        this.redis = redis;
        this.ttl = ttl;
    }

    @Override
    public Earlier claim(String eventId, Duration maxWait) {
        RedisAsyncCommands<String, String> commands = redis.commands();
        String key = KEY_PREFIX + eventId;
        long until = System.nanoTime() + Math.max(0, maxWait.toNanos());
        if ("OK".equals(redis.await(commands.set(key, PENDING, SetArgs.Builder.nx().px(ttl.toMillis()))))) {
            return null;
        }
        try {
            while (true) {
                String value = redis.await(commands.get(key));
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
        } catch (JsonProcessingException unreadable) {
            throw new RedisUnavailableException("an unreadable outcome in Redis at " + redis.where(), unreadable);
        }
    }

    @Override
    public void settle(String eventId, DeliveryOutcome outcome) {
        try {
            // not awaited: the answer to Okta does not wait for Redis
            redis.commands().set(KEY_PREFIX + eventId, JSON.writeValueAsString(outcome), SetArgs.Builder.px(ttl.toMillis()))
                    .whenComplete((ok, failure) -> {
                        if (failure != null) {
                            notRecorded(eventId, failure);
                        }
                    });
        } catch (RuntimeException | JsonProcessingException failure) {
            notRecorded(eventId, failure);
        }
    }

    public SharedRedis redis() {
        return redis;
    }

    private void notRecorded(String eventId, Throwable failure) {
        // repeats wait out their deadline, then answer FAILED: no second code either way
        log.warn("Could not record eventId={}'s outcome in Redis at {}: {}", eventId, redis.where(),
                failure.getClass().getSimpleName());
    }
}
