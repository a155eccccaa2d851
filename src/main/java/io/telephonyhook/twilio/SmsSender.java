package io.telephonyhook.twilio;

import java.util.regex.Pattern;

/**
 * Who an SMS comes from, in one of the three forms Twilio takes: a number and an alphanumeric sender ID go in
 * {@code From}, a Messaging Service in {@code MessagingServiceSid} (it then picks the sender itself).
 *
 * @param kind  which of the three
 * @param value the number in E.164, the sender ID, or the service's SID ({@code MG…})
 */
public record SmsSender(Kind kind, String value) {

    public enum Kind { NUMBER, ALPHANUMERIC_ID, MESSAGING_SERVICE }

    private static final Pattern MESSAGING_SERVICE_SID = Pattern.compile("MG[0-9a-fA-F]{32}");
    /** Twilio's rule: at most 11 ASCII letters, digits and spaces, not digits alone (carriers would take it for a number). */
    private static final Pattern ALPHANUMERIC_ID = Pattern.compile("(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}");

    /**
     * The sender this text is, recognised by its form: {@code +} and digits is a number, {@code MG} and 32 hex digits
     * a Messaging Service, else an alphanumeric sender ID if it keeps Twilio's rule for them.
     *
     * @throws IllegalArgumentException saying what the text is not, when it is none of them
     */
    public static SmsSender recognise(String text) {
        if (TwilioSenders.isE164(text)) {
            return new SmsSender(Kind.NUMBER, text);
        }
        if (MESSAGING_SERVICE_SID.matcher(text).matches()) {
            return new SmsSender(Kind.MESSAGING_SERVICE, text);
        }
        if (ALPHANUMERIC_ID.matcher(text).matches()) {
            return new SmsSender(Kind.ALPHANUMERIC_ID, text);
        }
        throw new IllegalArgumentException("'" + text + "' is neither a number in E.164 (like +447700900123), a"
                + " Messaging Service SID (MG and 32 hex digits) nor an alphanumeric sender ID (1 to 11 letters, digits"
                + " and spaces, at least one letter)");
    }

    public boolean isMessagingService() {
        return kind == Kind.MESSAGING_SERVICE;
    }
}
