package io.telephonyhook.phone;

/**
 * Masks phone numbers for logs and diagnostics: the country code and the last digits stay, so an operator can
 * match a user's complaint to a log line without the log holding anyone's full number.
 */
public final class PhoneNumberMask {

    private PhoneNumberMask() {
    }

    /** {@code +14155550123} becomes {@code +1******0123}; short national numbers keep only their last 2 digits. */
    public static String mask(E164Number number) {
        String prefix = "+" + number.countryCode();
        return prefix + maskDigits(number.value().substring(prefix.length()));
    }

    /** For input that is not a valid number: only the last 2 digits stay, nothing else is trusted. */
    public static String maskUnparsed(String raw) {
        if (raw == null || raw.isBlank()) {
            return "<none>";
        }
        String digits = raw.replaceAll("\\D", "");
        if (digits.length() <= 2) {
            return "*".repeat(digits.length());
        }
        if (digits.length() > 15) { // longer than any phone number: say so, not how long
            return "…" + digits.substring(digits.length() - 2);
        }
        return "*".repeat(digits.length() - 2) + digits.substring(digits.length() - 2);
    }

    private static String maskDigits(String nationalNumber) {
        int kept = nationalNumber.length() >= 8 ? 4 : 2;
        int hidden = Math.max(0, nationalNumber.length() - kept);
        return "*".repeat(hidden) + nationalNumber.substring(hidden);
    }
}
