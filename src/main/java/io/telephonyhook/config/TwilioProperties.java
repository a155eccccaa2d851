package io.telephonyhook.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Twilio settings ({@code twilio.*} in application.yaml). With no account SID the hook runs in demo mode.
 *
 * @param accountSid          the account SID (AC…); empty means demo mode
 * @param authToken           the account's auth token, or an API key secret
 * @param apiKey              an API key SID (SK…) to authenticate with instead of the account SID; optional
 * @param apiUrl              where the Twilio REST API is; set it for a Twilio-compatible server or egress proxy
 * @param fromNumber          the sender number in E.164: the caller id of voice calls, and the SMS sender
 *                            unless messagingServiceSid is set
 * @param messagingServiceSid a Messaging Service (MG…) that picks the sender for SMS
 * @param twimlUrl            where Twilio fetches a call's TwiML instead of the inline script; optional
 * @param connectTimeout      how long to wait for a connection to Twilio (requests end by the call's deadline)
 */
@ConfigurationProperties("twilio")
public record TwilioProperties(
        String accountSid,
        String authToken,
        String apiKey,
        @DefaultValue("https://api.twilio.com") URI apiUrl,
        String fromNumber,
        String messagingServiceSid,
        String twimlUrl,
        @DefaultValue("1s") Duration connectTimeout) {

    public boolean hasAccount() {
        return StringUtils.hasText(accountSid);
    }

    /** True when any setting that only makes sense with an account is there: a SID is then missing, not unwanted. */
    public boolean hasAccountSettings() {
        return StringUtils.hasText(authToken) || StringUtils.hasText(apiKey) || StringUtils.hasText(fromNumber)
                || StringUtils.hasText(messagingServiceSid);
    }
}
