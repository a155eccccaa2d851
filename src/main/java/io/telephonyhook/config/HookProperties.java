package io.telephonyhook.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hook's own settings ({@code hook.*} in application.yaml; environment variable names in the README).
 *
 * @param auth          how Okta proves a call is Okta's
 * @param defaultRegion the region a number without a country code is read in (ISO 3166, e.g. US)
 * @param sms           SMS wording
 */
@ConfigurationProperties("hook")
public record HookProperties(@DefaultValue Auth auth, @DefaultValue("US") String defaultRegion, @DefaultValue Sms sms) {

    /**
     * @param header the header Okta sends (its "authentication field"), matched case-insensitively
     * @param secret the header's exact value (Okta's "authentication secret"); required in live mode
     */
    public record Auth(@DefaultValue("Authorization") String header, String secret) {
    }

    /** @param template the text sent when Okta's msgTemplate does not contain the code; {code} is replaced */
    public record Sms(@DefaultValue("Your verification code is {code}") String template) {
    }
}
