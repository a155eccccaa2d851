package io.telephonyhook.okta;

import java.util.Locale;

/**
 * How the code is to reach the user. Okta is loose about the spelling of {@code deliveryChannel}: {@code SMS}
 * for text; {@code CALL}, {@code voice call}, {@code voice} and {@code Voice} for a call have all been seen.
 */
public enum Channel {
    SMS,
    VOICE,
    /** A spelling that is neither SMS-like nor voice-like: refused, never guessed. */
    UNKNOWN;

    public static Channel fromDeliveryChannel(String deliveryChannel) {
        if (deliveryChannel == null) {
            return UNKNOWN;
        }
        String letters = deliveryChannel.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (letters.equals("sms") || letters.equals("text") || letters.equals("textmessage")) {
            return SMS;
        }
        if (letters.contains("voice") || letters.contains("call")) {
            return VOICE;
        }
        return UNKNOWN;
    }
}
