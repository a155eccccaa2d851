package io.telephonyhook.okta;

import java.time.Instant;
import java.util.Locale;

import io.telephonyhook.phone.E164Number;
import io.telephonyhook.phone.PhoneNumberMask;

/**
 * One Okta telephony hook call, read and normalised: what to send, to whom, how, and until when.
 *
 * @param eventId         Okta's id of this call ({@code eventId}) as {@link EventId} keeps it: as sent, escaped;
 *                        "-" when absent
 * @param requestType     e.g. {@code com.okta.user.telephony.mfa-verification}; null in older payloads
 * @param channel         SMS, VOICE, or UNKNOWN
 * @param phoneAsSent     {@code phoneNumber} exactly as Okta wrote it; never logged
 * @param destination     the number in E.164, or null when libphonenumber does not call it valid
 * @param otpCode         the one-time passcode; never logged
 * @param messageTemplate Okta's SMS text with the code already filled in ({@code msgTemplate}); may be null
 * @param locale          the user's locale ({@code locale}, BCP-47); null when absent or unreadable
 * @param expiresAt       when the code expires ({@code otpExpires}); null when absent or unreadable
 */
public record OtpRequest(
        String eventId,
        String requestType,
        Channel channel,
        String phoneAsSent,
        E164Number destination,
        String otpCode,
        String messageTemplate,
        Locale locale,
        Instant expiresAt) {

    public boolean hasValidNumber() {
        return destination != null;
    }

    /** The number as logs may show it. */
    public String maskedNumber() {
        return destination != null ? destination.masked() : PhoneNumberMask.maskUnparsed(phoneAsSent);
    }

    /** Without the code and with the number masked: a record's default toString would print both. */
    @Override
    public String toString() {
        return "OtpRequest[eventId=" + eventId + ", requestType=" + requestType + ", channel=" + channel
                + ", to=" + maskedNumber() + ", locale=" + locale + ", expiresAt=" + expiresAt + "]";
    }
}
