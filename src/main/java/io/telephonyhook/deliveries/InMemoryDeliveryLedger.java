package io.telephonyhook.deliveries;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * This instance's deliveries, by SID, each kept {@code ttl} after it was first stored (reports do not extend it) and
 * at most {@code max} of them: past it the one stored first goes. That bound is kept by this class, in the order
 * records arrived, not by Caffeine's size eviction, whose frequency-based admission would rather drop a message sent
 * a moment ago, before its statuses came, than an old one whose statuses were read often.
 *
 * <p>A report is applied with the map's atomic compute on its SID, so concurrent reports of one delivery (Twilio
 * sends them in parallel) each see the previous one's result. Look-ups by eventId and status scan the records, at
 * most {@code max}: they serve an operator's question, not the calls.
 */
public final class InMemoryDeliveryLedger implements DeliveryStore {

    private static final Comparator<DeliveryRecord> NEWEST_FIRST =
            Comparator.comparing(DeliveryRecord::sentAt).reversed().thenComparing(DeliveryRecord::sid);

    private final Cache<String, DeliveryRecord> records;
    private final int max;
    /** The SIDs in the order they were stored, for the bound on their number; guarded by itself. */
    private final ArrayDeque<String> arrivals = new ArrayDeque<>();

    public InMemoryDeliveryLedger(Duration ttl, int max) {
        this(ttl, max, Ticker.systemTicker());
    }

    InMemoryDeliveryLedger(Duration ttl, int max, Ticker ticker) {
        this.max = max;
        this.records = Caffeine.newBuilder()
                .expireAfter(fromSending(ttl))
                .ticker(ticker)
                .executor(Runnable::run) // expired entries are cleaned up by the calls themselves: no pool's thread
                .build();
    }

    @Override
    public void sent(DeliveryRecord record) {
        if (record == null || record.sid() == null) {
            return;
        }
        if (records.asMap().putIfAbsent(record.sid(), record.normalized()) == null) {
            arrived(record.sid());
        }
    }

    /**
     * Keeps a record another ledger holds (the shared Redis's answer), unless this instance's copy is further on: a
     * copy for when that ledger does not answer.
     */
    void mirror(DeliveryRecord record) {
        AtomicReference<Boolean> added = new AtomicReference<>(false);
        records.asMap().compute(record.sid(), (sid, mine) -> {
            if (mine == null) {
                added.set(true);
                return record;
            }
            int mineRank = DeliveryStatuses.rank(mine.channel(), mine.status());
            int theirRank = DeliveryStatuses.rank(record.channel(), record.status());
            boolean further = mineRank > theirRank
                    || mineRank == theirRank && mine.history().size() > record.history().size();
            return further ? mine : record;
        });
        if (added.get()) {
            arrived(record.sid());
        }
    }

    @Override
    public Optional<Report> report(String sid, String status, Integer errorCode, Instant at) {
        if (sid == null) {
            return Optional.empty();
        }
        AtomicReference<StatusChange> recorded = new AtomicReference<>();
        DeliveryRecord now = records.asMap().computeIfPresent(sid, (key, record) -> {
            Optional<DeliveryRecord> after = record.after(status, errorCode, at);
            after.ifPresent(changed -> recorded.set(changed.lastChange()));
            return after.orElse(record);
        });
        return now == null ? Optional.empty() : Optional.of(new Report(now, recorded.get()));
    }

    @Override
    public Optional<DeliveryRecord> bySid(String sid) {
        return sid == null ? Optional.empty() : Optional.ofNullable(records.getIfPresent(sid));
    }

    @Override
    public List<DeliveryRecord> byEventId(String eventId) {
        return records.asMap().values().stream()
                .filter(record -> record.eventId() != null && record.eventId().equals(eventId))
                .sorted(NEWEST_FIRST)
                .toList();
    }

    @Override
    public List<DeliveryRecord> recent(String status, int limit) {
        String word = DeliveryStatuses.normalize(status);
        return records.asMap().values().stream()
                .filter(record -> record.status().equals(word))
                .sorted(NEWEST_FIRST)
                .limit(Math.max(0, limit))
                .toList();
    }

    @Override
    public List<DeliveryRecord> latest(int most) {
        return records.asMap().values().stream().sorted(NEWEST_FIRST).limit(Math.max(0, most)).toList();
    }

    /** How many deliveries are kept now (for tests). */
    long size() {
        records.cleanUp();
        return records.estimatedSize();
    }

    /** Counts a new SID; past {@code max}, forgets the one stored first (which may have expired already). */
    private void arrived(String sid) {
        String oldest = null;
        synchronized (arrivals) {
            arrivals.addLast(sid);
            if (arrivals.size() > max) {
                oldest = arrivals.pollFirst();
            }
        }
        if (oldest != null) {
            records.invalidate(oldest);
        }
    }

    /**
     * Gone {@code ttl} after it was first stored, whatever reports came since. Written out rather than Caffeine 3.2's
     * {@code Expiry.creating}: Spring Boot 3.4 (Camel 4.10's) manages Caffeine 3.1.
     */
    private static Expiry<String, DeliveryRecord> fromSending(Duration ttl) {
        return new Expiry<>() {
            @Override
            public long expireAfterCreate(String sid, DeliveryRecord record, long now) {
                return ttl.toNanos();
            }

            @Override
            public long expireAfterUpdate(String sid, DeliveryRecord record, long now, long remaining) {
                return remaining;
            }

            @Override
            public long expireAfterRead(String sid, DeliveryRecord record, long now, long remaining) {
                return remaining;
            }
        };
    }
}
