package io.telephonyhook.config;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Protection from SMS pumping (toll fraud), the same in every host; all off by default:
 *
 * @param allowedCountries {@code hook.allowed-countries} / {@code HOOK_ALLOWED_COUNTRIES}: ISO 3166 alpha-2 codes,
 *                         comma-separated; a number elsewhere is refused. Empty: every country
 * @param perNumber        {@code hook.rate-limit.per-number} / {@code HOOK_RATE_LIMIT_PER_NUMBER}: codes per number,
 *                         e.g. {@code 5/10m}; null for no limit
 * @param perCountry       {@code hook.rate-limit.per-country} / {@code HOOK_RATE_LIMIT_PER_COUNTRY}: codes per
 *                         destination country, e.g. {@code 200/1m}; null for no limit
 */
public record PumpingSettings(Set<String> allowedCountries, RateLimit perNumber, RateLimit perCountry) {

    public static PumpingSettings from(SettingsSource settings) {
        Set<String> regions = PhoneNumberUtil.getInstance().getSupportedRegions();
        String allowed = settings.text("hook.allowed-countries");
        Set<String> countries = new TreeSet<>();
        if (allowed != null) {
            for (String code : allowed.split(",")) {
                String country = code.strip().toUpperCase(Locale.ROOT);
                if (country.isEmpty()) {
                    continue;
                }
                if (!regions.contains(country)) {
                    throw new InvalidSettingsException("HOOK_ALLOWED_COUNTRIES: '" + code.strip()
                            + "' is not an ISO 3166 alpha-2 country code with phone numbers (US, GB, DE, ...).");
                }
                countries.add(country);
            }
        }
        return new PumpingSettings(Set.copyOf(countries),
                RateLimit.parse("HOOK_RATE_LIMIT_PER_NUMBER", settings.text("hook.rate-limit.per-number")),
                RateLimit.parse("HOOK_RATE_LIMIT_PER_COUNTRY", settings.text("hook.rate-limit.per-country")));
    }

    /** True when nothing stands between a caller with the secret and the org's Twilio bill. */
    public boolean unguarded() {
        return allowedCountries.isEmpty() && perNumber == null && perCountry == null;
    }

    @Override
    public String toString() {
        return "PumpingSettings[allowedCountries=" + String.join(",", new TreeSet<>(allowedCountries))
                + ", perNumber=" + perNumber + ", perCountry=" + perCountry + "]";
    }
}
