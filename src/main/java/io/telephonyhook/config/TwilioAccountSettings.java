package io.telephonyhook.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.telephonyhook.config.constraints.Pattern;

/**
 * One Twilio account's settings: the primary's ({@code twilio.*}, {@link TwilioSettings}) and the failover's
 * ({@code twilio.failover.*}, {@link TwilioFailoverSettings}) are named alike and checked alike.
 */
public abstract class TwilioAccountSettings {

    static final String TWILIO_API = "https://api.twilio.com";

    /** The Twilio account (AC…). */
    private String accountSid;

    /** The account's auth token, or an API key's secret. Required with the account SID. */
    private String authToken;

    /** An API key (SK…) to authenticate with instead of the account SID. */
    private String apiKey;

    /**
     * The Twilio REST API; point it at a Twilio-compatible server or an egress proxy, e.g. http://127.0.0.1:8089.
     * Left at Twilio's own, the region and edge choose the host.
     */
    private String apiUrl = TWILIO_API;

    /** The sender in E.164: caller id of voice calls, and the SMS sender unless a messaging service is set. */
    @Pattern(regexp = "\\+[1-9][0-9]{1,14}", message = "must be in E.164 form, like +14155550123.")
    private String fromNumber;

    /** A Messaging Service (MG…) that sends the SMS. An account needs this or the from number. */
    private String messagingServiceSid;

    /**
     * The Twilio Region that keeps the account's data (us1, ie1, au1, jp1, ...), as the Twilio SDK takes it; give its
     * edge too (ie1 with dublin, au1 with sydney). Unset: us1.
     */
    @Pattern(regexp = "[a-z]{2}[0-9]", message = "must be a Twilio Region, like ie1 or au1.")
    private String region;

    /** The Twilio edge location requests enter by (dublin, sydney, tokyo, ...), as the Twilio SDK takes it. */
    @Pattern(regexp = "[a-z-]+", message = "must be a Twilio edge location, like dublin or sydney.")
    private String edge;

    /** {@code TWILIO_} or {@code TWILIO_FAILOVER_}: how this account's refusals name its variables. */
    protected abstract String variablePrefix();

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

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = Blank.orNull(region);
    }

    public String getEdge() {
        return edge;
    }

    public void setEdge(String edge) {
        this.edge = Blank.orNull(edge);
    }

    public boolean hasAccount() {
        return accountSid != null;
    }

    /** The API URL given instead of Twilio's own, or null: Twilio's, its host chosen by the region and edge. */
    public URI apiUri() {
        if (TWILIO_API.equals(apiUrl)) {
            return null;
        }
        try {
            return URI.create(apiUrl);
        } catch (IllegalArgumentException unreadable) {
            throw new InvalidSettingsException(variablePrefix() + "API_URL is not a URL: " + unreadable.getMessage());
        }
    }

    /** The variables of this account given, but the account SID. */
    List<String> givenBesidesTheAccount() {
        List<String> given = new ArrayList<>();
        add(given, authToken != null, "AUTH_TOKEN");
        add(given, apiKey != null, "API_KEY");
        add(given, !TWILIO_API.equals(apiUrl), "API_URL");
        add(given, fromNumber != null, "FROM_NUMBER");
        add(given, messagingServiceSid != null, "MESSAGING_SERVICE_SID");
        add(given, region != null, "REGION");
        add(given, edge != null, "EDGE");
        return given;
    }

    /** The account's own rules: a URL that reads, and with an account SID its token and a sender. */
    void checkAccount() {
        apiUri();
        if (!hasAccount()) {
            return;
        }
        if (authToken == null) {
            throw new InvalidSettingsException(variablePrefix() + "AUTH_TOKEN is not set: " + variablePrefix()
                    + "ACCOUNT_SID needs the account's auth token or an API key secret.");
        }
        if (fromNumber == null && messagingServiceSid == null) {
            throw new InvalidSettingsException("Neither " + variablePrefix() + "FROM_NUMBER nor " + variablePrefix()
                    + "MESSAGING_SERVICE_SID is set: the account needs a sender for SMS (and a from number for calls).");
        }
    }

    private void add(List<String> given, boolean isGiven, String variable) {
        if (isGiven) {
            given.add(variablePrefix() + variable);
        }
    }

    /** Without the token. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[accountSid=" + accountSid + ", authToken="
                + (authToken == null ? "none" : "******") + ", apiKey=" + apiKey + ", apiUrl=" + apiUrl
                + ", fromNumber=" + fromNumber + ", messagingServiceSid=" + messagingServiceSid + ", region=" + region
                + ", edge=" + edge + "]";
    }
}
