package io.telephonyhook.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The hook's own settings ({@code hook.*} in application.yaml; environment variable names in the README).
 *
 * @param auth          how Okta proves a call is Okta's
 * @param defaultRegion the region a number without a country code is read in (ISO 3166, e.g. US)
 * @param sms           SMS wording
 * @param deadline      when, after a request arrives, Okta must have its answer (Okta waits 3 s)
 * @param maxBody       the largest request body accepted (Okta's are about 1 KB)
 */
@ConfigurationProperties("hook")
public record HookProperties(
        @DefaultValue Auth auth,
        @DefaultValue("US") String defaultRegion,
        @DefaultValue Sms sms,
        @DefaultValue("2500ms") Duration deadline,
        @DefaultValue("64KB") DataSize maxBody) {

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
