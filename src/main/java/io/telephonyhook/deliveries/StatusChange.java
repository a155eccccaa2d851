package io.telephonyhook.deliveries;

import java.time.Instant;

/** Placeholder until the store lands (branch deliveries). */
public record StatusChange(String status, Instant at, Integer errorCode) {
}
