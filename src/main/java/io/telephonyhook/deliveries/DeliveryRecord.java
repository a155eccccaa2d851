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
 * @param history     every status that arrived, once each, in the order it arrived; the first is the one Twilio
 *                    answered when accepting it; one that arrived out of order is marked late ({@link #after})
 * @param account     the Twilio account that sent it, {@code primary} or {@code failover}: its token must sign the
 *                    reports; null in a record kept before accounts were (read as the primary's)
 * @param org         the org it was sent for ({@code HOOK_ORGS_FILE}); null without an orgs file
 */
public record DeliveryRecord(String sid, String eventId, String channel, String to, String country, String requestType,
                             Instant sentAt, String status, Integer errorCode, List<StatusChange> history,
                             String account, String org) {

    /**
     * Past this many entries in the history, only a status that moves the delivery on is added (late reports and
     * unknown words could otherwise make more).
     */
    public static final int MAX_HISTORY = 20;

    public DeliveryRecord {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A record of the hook's one org (no orgs file). */
    public DeliveryRecord(String sid, String eventId, String channel, String to, String country, String requestType,
                          Instant sentAt, String status, Integer errorCode, List<StatusChange> history,
                          String account) {
        this(sid, eventId, channel, to, country, requestType, sentAt, status, errorCode, history, account, null);
    }

    /**
     * The first record of a delivery Twilio just accepted, with {@code status} as Twilio answered it ({@code queued},
     * {@code accepted}, {@code initiated}...) as its history. Times are kept to the millisecond, as Redis keeps them.
     */
    public static DeliveryRecord sent(String sid, String eventId, String channel, String to, String country,
                                      String requestType, Instant sentAt, String status) {
        return sent(sid, eventId, channel, to, country, requestType, sentAt, status, "primary");
    }

    /** As above, sent through {@code account}. */
    public static DeliveryRecord sent(String sid, String eventId, String channel, String to, String country,
                                      String requestType, Instant sentAt, String status, String account) {
        return sent(sid, eventId, channel, to, country, requestType, sentAt, status, account, null);
    }

    /** As above, for {@code org} (null: the hook's one org). */
    public static DeliveryRecord sent(String sid, String eventId, String channel, String to, String country,
                                      String requestType, Instant sentAt, String status, String account, String org) {
        Instant at = sentAt.truncatedTo(ChronoUnit.MILLIS);
        String word = DeliveryStatuses.normalize(status);
        return new DeliveryRecord(sid, eventId, channel, to, country, requestType, at, word, null,
                List.of(new StatusChange(word, at, null)), account, org);
    }

    /** The account that sent it: the primary for a record kept before accounts were. */
    public String accountOrPrimary() {
        return account == null ? "primary" : account;
    }

    /** This record as the ledgers keep it: a history starting with the first status, times to the millisecond. */
    DeliveryRecord normalized() {
        Instant at = sentAt.truncatedTo(ChronoUnit.MILLIS);
        String word = DeliveryStatuses.normalize(status);
        List<StatusChange> changes = history.isEmpty() ? List.of(new StatusChange(word, at, errorCode)) : history;
        return new DeliveryRecord(sid, eventId, channel, to, country, requestType, at, word, errorCode, changes, account,
                org);
    }

    /**
     * This record after Twilio reported {@code reported}, or empty when the report adds nothing. The history keeps
     * every status that arrived, once each, in the order it arrived; the status only moves forwards
     * ({@link DeliveryStatuses}):
     * <ul>
     *   <li>a status further on than the current one becomes the status (with its error code, if any);
     *   <li>a status that arrives after one as far on or further, or after a final one, is kept marked
     *       {@link StatusChange#late late} and changes nothing else (a {@code sent} after {@code delivered});
     *   <li>a word outside the order is kept, and never becomes the status;
     *   <li>a status already in the history (Twilio retries its reports) adds nothing, and past {@link #MAX_HISTORY}
     *       entries only a status that moves the delivery on is kept.
     * </ul>
     */
    Optional<DeliveryRecord> after(String reported, Integer reportedError, Instant at) {
        String word = DeliveryStatuses.normalize(reported);
        if (history.stream().anyMatch(change -> change.status().equals(word))) {
            return Optional.empty();
        }
        boolean isFinal = DeliveryStatuses.isFinal(channel, status);
        boolean movesOn = !isFinal && DeliveryStatuses.isKnown(channel, word)
                && DeliveryStatuses.rank(channel, word) > DeliveryStatuses.rank(channel, status);
        if (movesOn) {
            return Optional.of(with(word, reportedError != null ? reportedError : errorCode,
                    new StatusChange(word, at.truncatedTo(ChronoUnit.MILLIS), reportedError)));
        }
        if (history.size() >= MAX_HISTORY) {
            return Optional.empty();
        }
        boolean late = isFinal || DeliveryStatuses.isKnown(channel, word);
        return Optional.of(with(status, errorCode,
                new StatusChange(word, at.truncatedTo(ChronoUnit.MILLIS), reportedError, late)));
    }

    /** The latest change recorded: the last of the history. */
    StatusChange lastChange() {
        return history.get(history.size() - 1);
    }

    private DeliveryRecord with(String newStatus, Integer newError, StatusChange change) {
        List<StatusChange> changes = new ArrayList<>(history);
        changes.add(change);
        return new DeliveryRecord(sid, eventId, channel, to, country, requestType, sentAt, newStatus, newError, changes,
                account, org);
    }
}
