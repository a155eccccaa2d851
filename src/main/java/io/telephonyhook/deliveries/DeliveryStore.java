package io.telephonyhook.deliveries;

import java.time.Instant;
import java.util.Optional;

/**
 * A ledger that also says whether a report changed anything, so that each status is counted once, where it was
 * recorded ({@link MeasuredDeliveryLedger}).
 */
public interface DeliveryStore extends DeliveryLedger {

    /** As {@link #reported}, with the change the report made (null when it changed nothing); empty for an unknown sid. */
    Optional<Report> report(String sid, String status, Integer errorCode, Instant at);

    @Override
    default Optional<DeliveryRecord> reported(String sid, String status, Integer errorCode, Instant at) {
        return report(sid, status, errorCode, at).map(Report::record);
    }

    /**
     * @param record   the delivery after the report
     * @param recorded the status change the report added to its history (perhaps a late one); null when it added
     *                 nothing (a repeat)
     */
    record Report(DeliveryRecord record, StatusChange recorded) {
    }
}
