package io.telephonyhook.deliverypage;

import java.util.Map;

/**
 * Twilio's error codes in plain words, for a help-desk agent: the codes a code's delivery most often ends with
 * (Twilio's error dictionary, twilio.com/docs/api/errors). Others show as "Twilio error N", with the link.
 */
final class TwilioErrorWords {

    private static final Map<Integer, String> WORDS = Map.ofEntries(
            Map.entry(30001, "queue overflow: too many messages queued on the sender"),
            Map.entry(30002, "the Twilio account is suspended"),
            Map.entry(30003, "unreachable handset: the phone is off or out of coverage"),
            Map.entry(30004, "message blocked: the user blocked the sender, or the number cannot take SMS"),
            Map.entry(30005, "unknown handset: the number does not exist or is no longer in service"),
            Map.entry(30006, "a landline, or a carrier that cannot be reached"),
            Map.entry(30007, "carrier filtering: the carrier took the message for spam"),
            Map.entry(30008, "unknown error from the carrier"),
            Map.entry(30010, "the message price exceeds the account's maximum price"),
            Map.entry(30019, "the content is too long for the carrier"),
            Map.entry(30032, "the toll-free sender is not verified"),
            Map.entry(30034, "the sender is not registered for A2P 10DLC (US)"),
            Map.entry(21211, "the number is not a valid phone number"),
            Map.entry(21408, "the account may not send to this country (geographic permissions)"),
            Map.entry(21610, "the user replied STOP to this sender"),
            Map.entry(21612, "the sender cannot reach this number"),
            Map.entry(21614, "not a mobile number"),
            Map.entry(13224, "the number is not a valid phone number (call)"),
            Map.entry(13225, "calls to this number are forbidden"),
            Map.entry(13227, "the account may not call this country (geographic permissions)"));

    private TwilioErrorWords() {
    }

    /** "unreachable handset: …" for 30003; "Twilio error 12345" for a code not listed. */
    static String meaning(int code) {
        return WORDS.getOrDefault(code, "Twilio error " + code);
    }
}
