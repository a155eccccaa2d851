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
 * @param source          Okta's {@code source}: the hook's URL at the Okta org that called; null when absent
 * @param org             the id of the org the call came for ({@code HOOK_ORGS_FILE}, the end of the hook's URL); null
 *                        for the hook's one org when there is no orgs file
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
        Instant expiresAt,
        String source,
        String org) {

    /** A call of the hook's one org, without Okta's {@code source}. */
    public OtpRequest(String eventId, String requestType, Channel channel, String phoneAsSent, E164Number destination,
                      String otpCode, String messageTemplate, Locale locale, Instant expiresAt) {
        this(eventId, requestType, channel, phoneAsSent, destination, otpCode, messageTemplate, locale, expiresAt,
                null, null);
    }

    /**
     * What makes a repeat a repeat: the eventId within its org. The same eventId from two orgs is two calls (each org
     * numbers its own events); without an orgs file, the eventId as it was.
     */
    public String dedupKey() {
        return org == null || eventId == null || EventId.NONE.equals(eventId) ? eventId : org + "/" + eventId;
    }

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
        return "OtpRequest[" + (org == null ? "" : "org=" + org + ", ") + "eventId=" + eventId + ", requestType=" + requestType + ", channel=" + channel
                + ", to=" + maskedNumber() + ", locale=" + locale + ", expiresAt=" + expiresAt + "]";
    }
}
