package io.telephonyhook.deliveries;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A message or call Twilio accepted for the hook, and what Twilio has reported of it since. Holds no code and no full
 * number: {@code to} is masked ({@link io.telephonyhook.phone.PhoneNumberMask}).
 *
 * @param sid         Twilio's message or call SID ({@code SM…}, {@code CA…})
 * @param eventId     Okta's eventId of the call that sent it; null when Okta sent none
 * @param channel     {@code sms} or {@code voice}
 * @param to          the number, masked: {@code +1******2671}
 * @param country     the number's ISO 3166 region ({@code US}); {@code unknown} when there is none
 * @param requestType Okta's request type, e.g. {@code com.okta.user.telephony.mfa-verification}; null when absent
 * @param sentAt      when Twilio accepted it
 * @param status      the latest status ({@link DeliveryStatuses}): it never moves backwards
 * @param errorCode   Twilio's latest error code for it ({@code 30003}); null when none
 * @param history     every status recorded, oldest first; the first is the one Twilio answered when accepting it
 */
public record DeliveryRecord(String sid, String eventId, String channel, String to, String country, String requestType,
                             Instant sentAt, String status, Integer errorCode, List<StatusChange> history) {

    /** At most this many statuses are kept per delivery (only unknown words could make more). */
    public static final int MAX_HISTORY = 20;

    public DeliveryRecord {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /**
     * The first record of a delivery Twilio just accepted, with {@code status} as Twilio answered it ({@code queued},
     * {@code accepted}, {@code initiated}...) as its history. Times are kept to the millisecond, as Redis keeps them.
     */
    public static DeliveryRecord sent(String sid, String eventId, String channel, String to, String country,
                                      String requestType, Instant sentAt, String status) {
        Instant at = sentAt.truncatedTo(ChronoUnit.MILLIS);
        String word = DeliveryStatuses.normalize(status);
        return new DeliveryRecord(sid, eventId, channel, to, country, requestType, at, word, null,
                List.of(new StatusChange(word, at, null)));
    }

    /** This record as the ledgers keep it: a history starting with the first status, times to the millisecond. */
    DeliveryRecord normalized() {
        Instant at = sentAt.truncatedTo(ChronoUnit.MILLIS);
        String word = DeliveryStatuses.normalize(status);
        List<StatusChange> changes = history.isEmpty() ? List.of(new StatusChange(word, at, errorCode)) : history;
        return new DeliveryRecord(sid, eventId, channel, to, country, requestType, at, word, errorCode, changes);
    }

    /**
     * This record after Twilio reported {@code reported}, or empty when the report changes nothing
     * ({@link DeliveryStatuses} has the rules: a status never moves backwards, a final one stays).
     */
    Optional<DeliveryRecord> after(String reported, Integer reportedError, Instant at) {
        String word = DeliveryStatuses.normalize(reported);
        int current = DeliveryStatuses.rank(channel, status);
        if (DeliveryStatuses.isFinal(channel, status)) {
            return Optional.empty();
        }
        StatusChange change = new StatusChange(word, at.truncatedTo(ChronoUnit.MILLIS), reportedError);
        if (!DeliveryStatuses.isKnown(channel, word)) {
            // an unknown word is kept in the history for an operator to see, but does not become the status
            StatusChange last = history.isEmpty() ? null : history.get(history.size() - 1);
            if (history.size() >= MAX_HISTORY || last != null && last.status().equals(word)) {
                return Optional.empty();
            }
            return Optional.of(with(status, errorCode, change));
        }
        if (DeliveryStatuses.rank(channel, word) <= current) {
            return Optional.empty(); // backwards, or a repeat of the same step
        }
        return Optional.of(with(word, reportedError != null ? reportedError : errorCode, change));
    }

    /** The latest change recorded: the last of the history. */
    StatusChange lastChange() {
        return history.get(history.size() - 1);
    }

    private DeliveryRecord with(String newStatus, Integer newError, StatusChange change) {
        List<StatusChange> changes = new ArrayList<>(history);
        changes.add(change);
        return new DeliveryRecord(sid, eventId, channel, to, country, requestType, sentAt, newStatus, newError, changes);
    }
}
