package io.telephonyhook.deliveries;

import java.time.Instant;
import java.util.List;

/** Placeholder until the store lands (branch deliveries). */
public record DeliveryRecord(String sid, String eventId, String channel, String to, String country, String requestType,
                             Instant sentAt, String status, Integer errorCode, List<StatusChange> history) {
}
