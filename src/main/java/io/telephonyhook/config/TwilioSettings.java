package io.telephonyhook.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Pattern;

/**
 * The Twilio account ({@code twilio.*}, environment variables {@code TWILIO_*}), the same in every host. With no
 * Twilio setting at all the hook runs in demo mode; any of them without the account SID stops the start.
 */
public class TwilioSettings {

    public static final String PREFIX = "twilio";
    static final String TWILIO_API = "https://api.twilio.com";

    /** The Twilio account (AC…). Unset, with no other TWILIO_ setting: demo mode. */
    private String accountSid;

    /** The account's auth token, or an API key's secret. Required in live mode. */
    private String authToken;

    /** An API key (SK…) to authenticate with instead of the account SID. */
    private String apiKey;

    /** The Twilio REST API; point it at a Twilio-compatible server or an egress proxy, e.g. http://127.0.0.1:8089. */
    private String apiUrl = TWILIO_API;

    /** The sender in E.164: caller id of voice calls, and the SMS sender unless a messaging service is set. */
    @Pattern(regexp = "\\+[1-9][0-9]{1,14}", message = "must be in E.164 form, like +14155550123.")
    private String fromNumber;

    /** A Messaging Service (MG…) that sends the SMS. Live mode needs this or TWILIO_FROM_NUMBER. */
    private String messagingServiceSid;

    /**
     * Calls fetch their TwiML from this URL instead of the inline script. The hook adds nothing to it (the code is
     * never in a URL), so the flow hosted there must obtain the code itself.
     */
    private String twimlUrl;

    /** How long to wait for a connection to Twilio (a request itself ends by the call's deadline). */
    private Duration connectTimeout = Duration.ofSeconds(1);

    public String getAccountSid() {
        return accountSid;
    }

    public void setAccountSid(String accountSid) {
        this.accountSid = Blank.orNull(accountSid);
    }

    public String getAuthToken() {
        return authToken;
    }

    public void setAuthToken(String authToken) {
        this.authToken = Blank.orNull(authToken);
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = Blank.orNull(apiKey);
    }

    public String getApiUrl() {
        return apiUrl;
    }

    public void setApiUrl(String apiUrl) {
        this.apiUrl = Blank.or(apiUrl, this.apiUrl);
    }

    /** {@link #getApiUrl()} as a URI. */
    public URI apiUri() {
        try {
            return URI.create(apiUrl);
        } catch (IllegalArgumentException unreadable) {
            throw new InvalidSettingsException("TWILIO_API_URL is not a URL: " + unreadable.getMessage());
        }
    }

    public String getFromNumber() {
        return fromNumber;
    }

    public void setFromNumber(String fromNumber) {
        this.fromNumber = Blank.orNull(fromNumber);
    }

    public String getMessagingServiceSid() {
        return messagingServiceSid;
    }

    public void setMessagingServiceSid(String messagingServiceSid) {
        this.messagingServiceSid = Blank.orNull(messagingServiceSid);
    }

    public String getTwimlUrl() {
        return twimlUrl;
    }

    public void setTwimlUrl(String twimlUrl) {
        this.twimlUrl = Blank.orNull(twimlUrl);
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout == null ? this.connectTimeout : connectTimeout;
    }

    public boolean hasAccount() {
        return accountSid != null;
    }

    /**
     * Demo mode only for a start with no Twilio setting at all: one given without TWILIO_ACCOUNT_SID stops the start,
     * since demo mode would answer Okta SUCCESSFUL for codes nobody sends.
     */
    void check() {
        apiUri();
        List<String> given = new ArrayList<>();
        add(given, authToken != null, "TWILIO_AUTH_TOKEN");
        add(given, apiKey != null, "TWILIO_API_KEY");
        add(given, !TWILIO_API.equals(apiUrl), "TWILIO_API_URL");
        add(given, fromNumber != null, "TWILIO_FROM_NUMBER");
        add(given, messagingServiceSid != null, "TWILIO_MESSAGING_SERVICE_SID");
        add(given, twimlUrl != null, "TWILIO_TWIML_URL");
        add(given, !Duration.ofSeconds(1).equals(connectTimeout), "TWILIO_CONNECT_TIMEOUT");
        if (!hasAccount() && !given.isEmpty()) {
            throw new InvalidSettingsException("TWILIO_ACCOUNT_SID is not set although " + String.join(", ", given)
                    + (given.size() == 1 ? " is" : " are") + ": set it for live mode, or unset every TWILIO_ setting"
                    + " for demo mode (which sends nothing).");
        }
    }

    private static void add(List<String> given, boolean isGiven, String variable) {
        if (isGiven) {
            given.add(variable);
        }
    }

    /** Without the token. */
    @Override
    public String toString() {
        return "TwilioSettings[accountSid=" + accountSid + ", authToken=" + (authToken == null ? "none" : "******")
                + ", apiKey=" + apiKey + ", apiUrl=" + apiUrl + ", fromNumber=" + fromNumber
                + ", messagingServiceSid=" + messagingServiceSid + ", twimlUrl=" + twimlUrl + "]";
    }
}
