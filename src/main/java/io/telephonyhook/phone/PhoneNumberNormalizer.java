package io.telephonyhook.phone;

import java.util.Optional;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Turns whatever Okta sent as {@code phoneNumber} into E.164 with Google's libphonenumber.
 *
 * <p>Okta promises no format: enrolments are usually E.164 already, the admin Preview sends {@code 9876543210}.
 * A number without a country code is read in the configured default region. Only numbers libphonenumber calls
 * valid pass; letters are refused up front, because libphonenumber would otherwise read {@code 1-800-FLOWERS}
 * style input as digits and we would call a number nobody enrolled.
 */
public class PhoneNumberNormalizer {

    private static final Pattern DIALLABLE = Pattern.compile("[+]?[0-9 ().\\-]{1,40}");

    private final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    public PhoneNumberNormalizer(String defaultRegion) {
        if (!phoneNumbers.getSupportedRegions().contains(defaultRegion)) {
            throw new IllegalArgumentException("'" + defaultRegion + "' is not a region libphonenumber knows"
                    + " (use an ISO 3166 code such as US, GB, DE)");
        }
        this.defaultRegion = defaultRegion;
    }

    /** The E.164 number, or empty when the input is not a valid phone number. */
    public Optional<E164Number> normalize(String raw) {
        String number = raw == null ? null : raw.strip();
        if (number == null || !DIALLABLE.matcher(number).matches()) {
            return Optional.empty();
        }
        try {
            PhoneNumber parsed = phoneNumbers.parse(number, defaultRegion);
            // isValidNumber is exactly these two steps; its region is the one we need, so it is found once, not twice
            // (for +1 that is matching the number against the patterns of up to 25 regions)
            String region = phoneNumbers.getRegionCodeForNumber(parsed);
            if (region == null || !phoneNumbers.isValidNumberForRegion(parsed, region)) {
                return Optional.empty();
            }
            return Optional.of(new E164Number(
                    phoneNumbers.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164), parsed.getCountryCode(), region));
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }
}
