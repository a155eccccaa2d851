package io.telephonyhook.config;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Protection from SMS pumping (toll fraud): the countries codes may go to ({@code hook.allowed-countries},
 * {@code HOOK_ALLOWED_COUNTRIES}); the rate limits are {@link RateLimitSettings}. All off by default.
 */
public class PumpingSettings {

    public static final String PREFIX = "hook";

    /**
     * ISO 3166 alpha-2 codes, comma-separated: a number in another country (libphonenumber's region) is answered
     * FAILED, reason=country-not-allowed, without calling Twilio. Unset: every country.
     */
    private String allowedCountries;

    public String getAllowedCountries() {
        return allowedCountries;
    }

    public void setAllowedCountries(String allowedCountries) {
        this.allowedCountries = Blank.orNull(allowedCountries);
    }

    /** The allowed countries, checked: empty for every country. */
    public Set<String> countries() {
        Set<String> regions = PhoneNumberUtil.getInstance().getSupportedRegions();
        Set<String> countries = new TreeSet<>();
        if (allowedCountries != null) {
            for (String code : allowedCountries.split(",")) {
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
        return Set.copyOf(countries);
    }

    void check() {
        countries();
    }

    @Override
    public String toString() {
        return "PumpingSettings[allowedCountries=" + allowedCountries + "]";
    }
}
