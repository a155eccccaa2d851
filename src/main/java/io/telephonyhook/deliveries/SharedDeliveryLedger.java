package io.telephonyhook.deliveries;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.redis.RedisOutage;
import io.telephonyhook.redis.RedisUnavailableException;

/**
 * Deliveries in the shared Redis, with this instance's memory as the fallback when Redis does not answer: a
 * delivery is stored in both; a report goes to Redis, and to memory when Redis does not answer or does not know the
 * SID (sent while it was out of reach); a look-up asks Redis, then memory. Each time Redis fails it is counted in
 * {@code telephony_hook_redis_unavailable_total{use="deliveries"}}, and logged once per outage. Nothing here throws
 * or waits longer than the shared connection's command timeout, and {@link #sent} does not wait at all.
 */
public final class SharedDeliveryLedger implements DeliveryStore {

    static final String USE = "deliveries";

    private final InMemoryDeliveryLedger local;
    private final RedisDeliveryLedger shared;
    private final RedisOutage outage;

    public SharedDeliveryLedger(InMemoryDeliveryLedger local, RedisDeliveryLedger shared, CallMetrics metrics) {
        this.local = local;
        this.shared = shared;
        this.outage = new RedisOutage(USE, "deliveries and their statuses are kept in this instance's memory (a status"
                + " Twilio reports to another instance is not seen here)", metrics);
    }

    @Override
    public void sent(DeliveryRecord record) {
        local.sent(record);
        try {
            shared.store(record).whenComplete((stored, failure) -> {
                if (failure != null) {
                    unavailable(failure);
                } else {
                    answered();
                }
            });
        } catch (RuntimeException failure) {
            unavailable(failure);
        }
    }

    @Override
    public Optional<Report> report(String sid, String status, Integer errorCode, Instant at) {
        Optional<Report> report;
        try {
            report = shared.report(sid, status, errorCode, at);
            answered();
        } catch (RuntimeException failure) {
            unavailable(failure);
            return local.report(sid, status, errorCode, at);
        }
        if (report.isEmpty()) {
            return local.report(sid, status, errorCode, at); // sent while Redis was out of reach, or unknown
        }
        local.mirror(report.get().record());
        return report;
    }

    @Override
    public Optional<DeliveryRecord> bySid(String sid) {
        Optional<DeliveryRecord> found = orLocal(() -> shared.bySid(sid), () -> local.bySid(sid));
        return found.isPresent() ? found : local.bySid(sid);
    }

    @Override
    public List<DeliveryRecord> byEventId(String eventId) {
        List<DeliveryRecord> found = orLocal(() -> shared.byEventId(eventId), () -> local.byEventId(eventId));
        return found.isEmpty() ? local.byEventId(eventId) : found;
    }

    @Override
    public List<DeliveryRecord> recent(String status, int limit) {
        return orLocal(() -> shared.recent(status, limit), () -> local.recent(status, limit));
    }

    @Override
    public List<DeliveryRecord> latest(int most) {
        return orLocal(() -> shared.latest(most), () -> local.latest(most));
    }

    private <T> T orLocal(Supplier<T> fromShared, Supplier<T> fromLocal) {
        try {
            T answer = fromShared.get();
            answered();
            return answer;
        } catch (RuntimeException failure) {
            unavailable(failure);
            return fromLocal.get();
        }
    }

    private void answered() {
        outage.answered();
    }

    private void unavailable(Throwable failure) {
        outage.unavailable(message(failure));
    }

    /** Where Redis is and what went wrong, never more (a failure's own message may quote the command). */
    private String message(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof RedisUnavailableException ? cause.getMessage()
                : "Redis at " + shared.redis().where() + " did not answer (" + cause.getClass().getSimpleName() + ")";
    }
}
