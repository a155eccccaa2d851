package io.telephonyhook.phone;

/**
 * A phone number that libphonenumber accepts as valid, in E.164 form ({@code +14155550123}).
 *
 * @param value       the E.164 string Twilio takes
 * @param countryCode the calling code, e.g. 1 or 44
 * @param regionCode  the ISO region the number belongs to, e.g. US or GB
 */
public record E164Number(String value, int countryCode, String regionCode) {

    /** The number as logs may show it: country code and last digits only. */
    public String masked() {
        return PhoneNumberMask.mask(this);
    }

    /** Masked, so a number never reaches a log line through string concatenation. */
    @Override
    public String toString() {
        return masked();
    }
}
