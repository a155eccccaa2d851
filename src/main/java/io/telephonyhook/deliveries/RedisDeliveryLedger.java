package io.telephonyhook.deliveries;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.telephonyhook.redis.SharedRedis;

/**
 * Deliveries in the Redis the instances share ({@code HOOK_DEDUP_REDIS_URL}), so Twilio's status report finds the
 * delivery whichever instance it reaches. Keys, each expiring {@code HOOK_DELIVERIES_TTL} after the delivery was sent:
 * <ul>
 *   <li>{@value #KEY_PREFIX}{@code sid:{sid}}: the delivery as JSON ({@link DeliveryJson}: masked number, statuses,
 *       error codes; never the code);
 *   <li>{@value #KEY_PREFIX}{@code event:{eventId}}: a set of the SIDs sent for that eventId;
 *   <li>{@value #KEY_PREFIX}{@code status:{status}}: a sorted set of the SIDs whose current status that is, by the
 *       time they were sent, the newest {@value #RECENT_KEPT} kept; one per known status (of either channel) and
 *       {@code other} for the rest, so no caller can make more keys;
 *   <li>{@value #KEY_PREFIX}{@code sent}: a sorted set of every SID by the time it was sent, the newest
 *       {@value #LATEST_KEPT} kept: what the delivery page searches, whichever instance serves it.
 * </ul>
 * A report is one Lua script: it reads the delivery, applies {@link DeliveryStatuses}'s order and
 * {@link DeliveryRecord#after}'s rules for the history (the same ranks, written into the script from that class), and
 * rewrites it and moves its SID between the status sets, atomically, so
 * concurrent reports on different instances never move a status backwards. The scripts name keys they build
 * themselves, so the Redis must be a single server (or a replicated one), not a Cluster, like the rest of the hook's
 * shared state.
 *
 * <p>Every method but {@link #sent} waits at most the shared connection's command timeout and throws
 * {@link io.telephonyhook.redis.RedisUnavailableException} when Redis does not answer.
 */
public final class RedisDeliveryLedger implements DeliveryStore {

    static final String KEY_PREFIX = "telephony-hook:delivery:";
    static final int RECENT_KEPT = 1000;
    static final int LATEST_KEPT = 10_000;
    static final int BATCH = 250;

    private static final String SID = KEY_PREFIX + "sid:";
    private static final String EVENT = KEY_PREFIX + "event:";
    private static final String STATUS = KEY_PREFIX + "status:";
    private static final String SENT = KEY_PREFIX + "sent";
    private static final Logger log = LoggerFactory.getLogger(RedisDeliveryLedger.class);
    private static final Comparator<DeliveryRecord> NEWEST_FIRST =
            Comparator.comparing(DeliveryRecord::sentAt).reversed().thenComparing(DeliveryRecord::sid);

    private final SharedRedis redis;
    private final Duration ttl;

    public RedisDeliveryLedger(SharedRedis redis, Duration ttl) {
        this.redis = redis;
        this.ttl = ttl;
    }

    /** Stores the first record without waiting; logs when Redis did not take it. Never throws. */
    @Override
    public void sent(DeliveryRecord record) {
        try {
            store(record).whenComplete((stored, failure) -> {
                if (failure != null) {
                    notStored(record, failure);
                }
            });
        } catch (RuntimeException failure) {
            notStored(record, failure);
        }
    }

    /**
     * Stores the first record, not waiting for Redis: the stage completes with true when stored, false when the SID
     * was there already, and exceptionally when Redis did not answer within the command timeout.
     *
     * @throws io.telephonyhook.redis.RedisUnavailableException at once when there is no connection
     */
    public CompletableFuture<Boolean> store(DeliveryRecord record) {
        DeliveryRecord first = record.normalized();
        RedisAsyncCommands<String, String> commands = redis.commands();
        boolean hasEventId = first.eventId() != null;
        String[] keys = {SID + first.sid(), EVENT + (hasEventId ? first.eventId() : ""), STATUS + statusSet(first),
                SENT};
        return commands.<Long>eval(RedisDeliveryScripts.SENT, ScriptOutputType.INTEGER, keys, DeliveryJson.write(first),
                        String.valueOf(ttl.toMillis()), String.valueOf(first.sentAt().toEpochMilli()), first.sid(),
                        String.valueOf(RECENT_KEPT), hasEventId ? "1" : "0", String.valueOf(LATEST_KEPT))
                .thenApply(stored -> stored != null && stored == 1L)
                .toCompletableFuture();
    }

    @Override
    public Optional<Report> report(String sid, String status, Integer errorCode, Instant at) {
        if (sid == null) {
            return Optional.empty();
        }
        List<Object> answer = redis.await(redis.commands().<List<Object>>eval(RedisDeliveryScripts.REPORT, ScriptOutputType.MULTI,
                new String[] {SID + sid}, DeliveryStatuses.normalize(status),
                errorCode == null ? "" : String.valueOf(errorCode), String.valueOf(at.toEpochMilli()), STATUS,
                String.valueOf(ttl.toMillis()), String.valueOf(RECENT_KEPT), String.valueOf(DeliveryRecord.MAX_HISTORY)));
        if (answer == null || answer.isEmpty() || Long.valueOf(-1).equals(answer.get(0))) {
            return Optional.empty();
        }
        DeliveryRecord record = DeliveryJson.read((String) answer.get(1));
        return Optional.of(new Report(record, Long.valueOf(1).equals(answer.get(0)) ? record.history()
                .get(record.history().size() - 1) : null));
    }

    @Override
    public Optional<DeliveryRecord> bySid(String sid) {
        if (sid == null) {
            return Optional.empty();
        }
        String json = redis.await(redis.commands().get(SID + sid));
        return json == null ? Optional.empty() : Optional.of(DeliveryJson.read(json));
    }

    @Override
    public List<DeliveryRecord> byEventId(String eventId) {
        if (eventId == null) {
            return List.of();
        }
        RedisAsyncCommands<String, String> commands = redis.commands();
        List<String> sids = List.copyOf(redis.await(commands.smembers(EVENT + eventId)));
        return records(commands, sids).stream().sorted(NEWEST_FIRST).toList();
    }

    @Override
    public List<DeliveryRecord> recent(String status, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        String word = DeliveryStatuses.normalize(status);
        String set = STATUS + (isKnownAnywhere(word) ? word : DeliveryStatuses.OTHER);
        RedisAsyncCommands<String, String> commands = redis.commands();
        // a little more than asked: a SID's delivery may have expired just before the set was trimmed
        List<String> sids = redis.await(commands.zrevrange(set, 0, Math.min(RECENT_KEPT, 2L * limit) - 1));
        return records(commands, sids).stream()
                .filter(record -> record.status().equals(word))
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .toList();
    }

    @Override
    public List<DeliveryRecord> latest(int most) {
        if (most <= 0) {
            return List.of();
        }
        RedisAsyncCommands<String, String> commands = redis.commands();
        List<String> sids = redis.await(commands.zrevrange(SENT, 0, Math.min(LATEST_KEPT, most) - 1L));
        return records(commands, sids).stream().sorted(NEWEST_FIRST).toList();
    }

    public SharedRedis redis() {
        return redis;
    }

    /**
     * The deliveries of these SIDs, read {@value #BATCH} at a time: each command stays small and quick, so the
     * delivery page reading thousands never holds Redis (or looks like an outage) for the calls that share it.
     */
    private List<DeliveryRecord> records(RedisAsyncCommands<String, String> commands, List<String> sids) {
        List<DeliveryRecord> records = new java.util.ArrayList<>(sids.size());
        for (int from = 0; from < sids.size(); from += BATCH) {
            List<KeyValue<String, String>> values = redis.await(commands.mget(sids
                    .subList(from, Math.min(sids.size(), from + BATCH)).stream().map(sid -> SID + sid)
                    .toArray(String[]::new)));
            values.stream().filter(KeyValue::hasValue).map(value -> DeliveryJson.read(value.getValue()))
                    .filter(Objects::nonNull).forEach(records::add);
        }
        return records;
    }

    /** The status set a delivery is in: its status when it is a known one (of either channel), else {@code other}. */
    private static String statusSet(DeliveryRecord record) {
        return isKnownAnywhere(record.status()) ? record.status() : DeliveryStatuses.OTHER;
    }

    private static boolean isKnownAnywhere(String word) {
        return DeliveryStatuses.isKnown(DeliveryStatuses.SMS, word) || DeliveryStatuses.isKnown(DeliveryStatuses.VOICE, word);
    }

    private void notStored(DeliveryRecord record, Throwable failure) {
        log.warn("Could not store twilioSid={} in Redis at {}: {}", record.sid(), redis.where(),
                failure.getClass().getSimpleName());
    }
}
