package io.telephonyhook.deliveries;

import java.util.Locale;
import java.util.Map;

/**
 * The order of Twilio's statuses, per channel. A delivery's status only moves forwards: a report of a status that
 * ranks no higher than the current one (Twilio's callbacks are not ordered, and are retried) does not change it, and a
 * final status (the highest rank) is never replaced, not even by another final one: the first final status wins. Such
 * a report is still kept in the delivery's history, marked late ({@link DeliveryRecord#after}).
 * <ul>
 *   <li>SMS: {@code accepted} &lt; {@code scheduled} &lt; {@code queued} &lt; {@code sending} &lt; {@code sent} &lt;
 *       final {@code delivered}, {@code undelivered}, {@code failed}, {@code read}, {@code canceled},
 *       {@code partially_delivered};
 *   <li>calls: {@code queued} &lt; {@code initiated} &lt; {@code ringing} &lt; {@code in-progress} &lt; final
 *       {@code completed}, {@code busy}, {@code no-answer}, {@code failed}, {@code canceled}.
 * </ul>
 * Any other word (Twilio adds statuses now and then) is kept in the delivery's history, as it came, but never becomes
 * its status: its place in the order is not known. Words are compared in
 * lower case; anything that is not a plain word of at most 32 letters, digits, {@code -} or {@code _} is kept as
 * {@value #OTHER}.
 */
public final class DeliveryStatuses {

    public static final String SMS = "sms";
    public static final String VOICE = "voice";
    /** Any status word outside the known ones, in metrics, and for words that are not plain words at all. */
    public static final String OTHER = "other";

    static final Map<String, Integer> SMS_RANKS = Map.ofEntries(
            Map.entry("accepted", 0), Map.entry("scheduled", 1), Map.entry("queued", 2), Map.entry("sending", 3),
            Map.entry("sent", 4), Map.entry("delivered", 5), Map.entry("undelivered", 5), Map.entry("failed", 5),
            Map.entry("read", 5), Map.entry("canceled", 5), Map.entry("partially_delivered", 5));
    static final Map<String, Integer> VOICE_RANKS = Map.of(
            "queued", 0, "initiated", 1, "ringing", 2, "in-progress", 3,
            "completed", 4, "busy", 4, "no-answer", 4, "failed", 4, "canceled", 4);
    static final int SMS_FINAL = 5;
    static final int VOICE_FINAL = 4;
    /** The rank of a status outside the order: any known status moves it forwards. */
    static final int UNRANKED = -1;

    private DeliveryStatuses() {
    }

    /** Lower case, trimmed; {@value #OTHER} when it is not a plain word. */
    public static String normalize(String status) {
        String word = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
        return plainWord(word) ? word : OTHER;
    }

    /** {@code [a-z0-9_-]{1,32}}, checked by hand: this runs for every code Twilio accepts and every report. */
    private static boolean plainWord(String word) {
        if (word.isEmpty() || word.length() > 32) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    public static boolean isKnown(String channel, String status) {
        return ranks(channel).containsKey(status);
    }

    /** The status's place in the channel's order, {@value #UNRANKED} for an unknown one. */
    public static int rank(String channel, String status) {
        return ranks(channel).getOrDefault(status, UNRANKED);
    }

    /** True for {@code delivered}, {@code undelivered}, {@code completed}, ...: nothing replaces it. */
    public static boolean isFinal(String channel, String status) {
        return rank(channel, status) == (VOICE.equals(channel) ? VOICE_FINAL : SMS_FINAL);
    }

    /** True when the code reached the person: an SMS {@code delivered}, a call {@code completed}. */
    public static boolean isDelivered(String channel, String status) {
        return VOICE.equals(channel) ? "completed".equals(status) : "delivered".equals(status);
    }

    /** The status as a metric's tag: a known status of the channel, or {@value #OTHER}. */
    public static String tag(String channel, String status) {
        return isKnown(channel, status) ? status : OTHER;
    }

    /** Every channel that is not {@code voice} is ranked as SMS. */
    static Map<String, Integer> ranks(String channel) {
        return VOICE.equals(channel) ? VOICE_RANKS : SMS_RANKS;
    }
}
