package io.telephonyhook.deliveries;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The messages and calls Twilio accepted for the hook, with the statuses Twilio reported for them since: in this
 * instance's memory, or in the Redis instances share ({@code HOOK_DEDUP_REDIS_URL}), kept {@code HOOK_DELIVERIES_TTL}
 * after they were sent. Statuses only move forwards ({@link DeliveryStatuses}).
 */
public interface DeliveryLedger {

    /**
     * Twilio accepted a message or call: the first record, status as Twilio answered (queued, accepted,
     * initiated...). Never throws, never holds the call.
     */
    void sent(DeliveryRecord record);

    /**
     * A status Twilio reported for {@code sid}. Returns the record as it is after the report, or empty when the sid is
     * unknown. A status never moves backwards ({@link DeliveryStatuses}); a report that arrives out of order is kept in
     * the history marked late, and the status stays ({@link DeliveryRecord#after}). Never throws for an unknown sid.
     */
    Optional<DeliveryRecord> reported(String sid, String status, Integer errorCode, Instant at);

    Optional<DeliveryRecord> bySid(String sid);

    /** The deliveries of one Okta eventId (usually one), newest first. */
    List<DeliveryRecord> byEventId(String eventId);

    /** The deliveries whose current status is {@code status}, newest first, at most {@code limit}. */
    List<DeliveryRecord> recent(String status, int limit);

    /**
     * The latest deliveries whatever their status, newest first, at most {@code most}: what the delivery page searches
     * and sums up ({@link io.telephonyhook.deliverypage}).
     */
    List<DeliveryRecord> latest(int most);
}
