package io.telephonyhook.deliveries;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.telephonyhook.observability.DeliveryMetrics;

/**
 * The ledger the routes call ({@code deliveryLedger}): a store's, with each status it records counted
 * ({@link DeliveryMetrics}), so callers of {@link #sent} and {@link #reported} count nothing themselves. A status is
 * counted when it is recorded, once: a repeated report is not, nor one that arrived late (kept in the history, but
 * behind a status as far on or after a final one).
 * Never throws from {@link #sent} or {@link #reported}.
 */
public final class MeasuredDeliveryLedger implements DeliveryLedger {

    private static final Logger log = LoggerFactory.getLogger(MeasuredDeliveryLedger.class);

    private final DeliveryStore store;
    private final DeliveryMetrics metrics;

    public MeasuredDeliveryLedger(DeliveryStore store, DeliveryMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    public void sent(DeliveryRecord record) {
        try {
            store.sent(record);
            metrics.recorded(record.channel(), DeliveryStatuses.normalize(record.status()), record.country());
        } catch (RuntimeException unexpected) {
            log.warn("Could not record twilioSid={}: {}", record == null ? null : record.sid(),
                    unexpected.getClass().getName());
        }
    }

    @Override
    public Optional<DeliveryRecord> reported(String sid, String status, Integer errorCode, Instant at) {
        try {
            Optional<DeliveryStore.Report> report = store.report(sid, status, errorCode, at);
            report.filter(changed -> changed.recorded() != null && !changed.recorded().late()).ifPresent(this::count);
            return report.map(DeliveryStore.Report::record);
        } catch (RuntimeException unexpected) {
            log.warn("Could not record a status of twilioSid={}: {}", sid, unexpected.getClass().getName());
            return Optional.empty();
        }
    }

    @Override
    public Optional<DeliveryRecord> bySid(String sid) {
        return store.bySid(sid);
    }

    @Override
    public List<DeliveryRecord> byEventId(String eventId) {
        return store.byEventId(eventId);
    }

    @Override
    public List<DeliveryRecord> recent(String status, int limit) {
        return store.recent(status, limit);
    }

    @Override
    public List<DeliveryRecord> latest(int most) {
        return store.latest(most);
    }

    /** The store behind it (for tests and health). */
    public DeliveryStore store() {
        return store;
    }

    private void count(DeliveryStore.Report report) {
        DeliveryRecord record = report.record();
        StatusChange change = report.recorded();
        metrics.recorded(record.channel(), change.status(), record.country());
        if (DeliveryStatuses.isDelivered(record.channel(), change.status())) {
            metrics.delivered(record.channel(), Duration.between(record.sentAt(), change.at()));
        }
    }
}
