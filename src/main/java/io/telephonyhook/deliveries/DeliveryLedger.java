package io.telephonyhook.deliveries;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Placeholder of the ledger's API until the store lands (branch deliveries). */
public interface DeliveryLedger {

    void sent(DeliveryRecord record);

    Optional<DeliveryRecord> reported(String sid, String status, Integer errorCode, Instant at);

    Optional<DeliveryRecord> bySid(String sid);

    List<DeliveryRecord> byEventId(String eventId);

    List<DeliveryRecord> recent(String status, int limit);
}
