package io.telephonyhook.deliveries;

import java.time.Instant;

/**
 * One status of a delivery, as Twilio reported it (or answered it, for the first).
 *
 * @param status    Twilio's word, lower case: {@code queued}, {@code delivered}, {@code no-answer}, ...
 * @param at        when the hook recorded it
 * @param errorCode Twilio's error code that came with it ({@code 30003}); null when none
 */
public record StatusChange(String status, Instant at, Integer errorCode) {
}
