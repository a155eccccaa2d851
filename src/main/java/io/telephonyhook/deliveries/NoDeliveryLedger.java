package io.telephonyhook.deliveries;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Placeholder until the store lands (branch deliveries): keeps nothing. */
public class NoDeliveryLedger implements DeliveryLedger {

    @Override
    public void sent(DeliveryRecord record) {
    }

    @Override
    public Optional<DeliveryRecord> reported(String sid, String status, Integer errorCode, Instant at) {
        return Optional.empty();
    }

    @Override
    public Optional<DeliveryRecord> bySid(String sid) {
        return Optional.empty();
    }

    @Override
    public List<DeliveryRecord> byEventId(String eventId) {
        return List.of();
    }

    @Override
    public List<DeliveryRecord> recent(String status, int limit) {
        return List.of();
    }
}
