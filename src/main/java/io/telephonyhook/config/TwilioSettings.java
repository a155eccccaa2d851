package io.telephonyhook.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Twilio settings, the same in every host ({@code twilio.*}; the environment variables are {@code TWILIO_*}). With
 * no account SID the hook runs in demo mode.
 *
 * @param accountSid          {@code TWILIO_ACCOUNT_SID}: the account (AC…); null means demo mode
 * @param authToken           {@code TWILIO_AUTH_TOKEN}: the account's auth token, or an API key's secret
 * @param apiKey              {@code TWILIO_API_KEY}: an API key SID (SK…) to authenticate with instead of the
 *                            account SID; optional
 * @param apiUrl              {@code TWILIO_API_URL}: where the Twilio REST API is; a Twilio-compatible server or an
 *                            egress proxy
 * @param fromNumber          {@code TWILIO_FROM_NUMBER}: the sender in E.164, the caller id of voice calls, and the
 *                            SMS sender unless messagingServiceSid is set
 * @param messagingServiceSid {@code TWILIO_MESSAGING_SERVICE_SID}: a Messaging Service (MG…) that sends the SMS
 * @param twimlUrl            {@code TWILIO_TWIML_URL}: where Twilio fetches a call's TwiML instead of the inline
 *                            script; optional
 * @param connectTimeout      {@code TWILIO_CONNECT_TIMEOUT}: how long to wait for a connection to Twilio (requests
 *                            themselves end by the call's deadline)
 */
public record TwilioSettings(
        String accountSid,
        String authToken,
        String apiKey,
        URI apiUrl,
        String fromNumber,
        String messagingServiceSid,
        String twimlUrl,
        Duration connectTimeout) {

    /** Every Twilio setting but the account SID: any of them means live mode was meant. */
    static final List<String> ACCOUNT_SETTINGS = List.of("twilio.auth-token", "twilio.api-key", "twilio.api-url",
            "twilio.from-number", "twilio.messaging-service-sid", "twilio.twiml-url", "twilio.connect-timeout");

    /**
     * Reads the settings. Demo mode is only for a start with no Twilio setting at all: one given without
     * {@code TWILIO_ACCOUNT_SID} stops the start, since demo mode would answer Okta SUCCESSFUL for codes nobody sends.
     */
    public static TwilioSettings from(SettingsSource settings) {
        String apiUrl = settings.text("twilio.api-url", "https://api.twilio.com");
        URI url;
        try {
            url = URI.create(apiUrl);
        } catch (IllegalArgumentException unreadable) {
            throw new InvalidSettingsException("TWILIO_API_URL is not a URL: " + unreadable.getMessage());
        }
        TwilioSettings twilio = new TwilioSettings(
                settings.text("twilio.account-sid"),
                settings.text("twilio.auth-token"),
                settings.text("twilio.api-key"),
                url,
                settings.text("twilio.from-number"),
                settings.text("twilio.messaging-service-sid"),
                settings.text("twilio.twiml-url"),
                settings.duration("twilio.connect-timeout", Duration.ofSeconds(1)));
        List<String> given = ACCOUNT_SETTINGS.stream().filter(key -> settings.text(key) != null)
                .map(SettingsSource::environmentVariable).toList();
        if (!twilio.hasAccount() && !given.isEmpty()) {
            throw new InvalidSettingsException("TWILIO_ACCOUNT_SID is not set although " + String.join(", ", given)
                    + (given.size() == 1 ? " is" : " are") + ": set it for live mode, or unset every TWILIO_ setting"
                    + " for demo mode (which sends nothing).");
        }
        return twilio;
    }

    public boolean hasAccount() {
        return accountSid != null;
    }

    /** Without the token: a record's default toString would print it. */
    @Override
    public String toString() {
        return "TwilioSettings[accountSid=" + accountSid + ", apiUrl=" + apiUrl + ", fromNumber=" + fromNumber
                + ", messagingServiceSid=" + messagingServiceSid + "]";
    }
}
