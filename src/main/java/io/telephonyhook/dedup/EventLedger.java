package io.telephonyhook.dedup;

import java.time.Duration;

import io.telephonyhook.delivery.DeliveryOutcome;

/**
 * Where the hook keeps the eventIds it has answered, or is answering, with their outcomes: in this instance's memory,
 * or in a Redis that instances share.
 */
public interface EventLedger {

    /**
     * Claims {@code eventId} for the calling call, atomically: of all the calls with the same eventId within the
     * ledger's time to live, exactly one gets {@code null} (it is the first, and must {@link #settle} the eventId),
     * and every other gets the first call's outcome, waiting for it while the first is still in flight.
     *
     * @param maxWait how long a repeat may wait for the first call's outcome
     * @return null for the first call; otherwise the first's outcome, or null in {@link Earlier#outcome()} when it did
     *         not come within {@code maxWait}
     * @throws io.telephonyhook.redis.RedisUnavailableException when the shared ledger cannot answer: the caller
     *         goes on without it
     */
    Earlier claim(String eventId, Duration maxWait);

    /** Records the first call's outcome for the repeats. Never throws, never holds the call. */
    void settle(String eventId, DeliveryOutcome outcome);

    /** What a repeat found: the first call's outcome, or null when it was not known in time. */
    record Earlier(DeliveryOutcome outcome) {
    }
}
