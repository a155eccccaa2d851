package io.telephonyhook.deliveries;

import java.time.Instant;

/**
 * One status of a delivery, as Twilio reported it (or answered it, for the first).
 *
 * @param status    Twilio's word, lower case: {@code queued}, {@code delivered}, {@code no-answer}, ...
 * @param at        when the hook recorded it
 * @param errorCode Twilio's error code that came with it ({@code 30003}); null when none
 * @param late      true when it arrived after a status as far on or further (or after a final one), so it did not
 *                  change the delivery's status: Twilio's reports are not ordered ({@link DeliveryRecord#after})
 */
public record StatusChange(String status, Instant at, Integer errorCode, boolean late) {

    /** A status that arrived in its place. */
    public StatusChange(String status, Instant at, Integer errorCode) {
        this(status, at, errorCode, false);
    }
}
