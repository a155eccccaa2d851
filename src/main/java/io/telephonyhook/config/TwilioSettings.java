package io.telephonyhook.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Twilio account ({@code twilio.*}, environment variables {@code TWILIO_*}), the same in every host, and what
 * concerns every account (the TwiML URL, the connection timeout). With no Twilio setting at all the hook runs in demo
 * mode; any of them without the account SID stops the start.
 */
public class TwilioSettings extends TwilioAccountSettings {

    public static final String PREFIX = "twilio";

    /**
     * Calls fetch their TwiML from this URL instead of the inline script. The hook adds nothing to it (the code is
     * never in a URL), so the flow hosted there must obtain the code itself.
     */
    private String twimlUrl;

    /** How long to wait for a connection to Twilio (a request itself ends by the call's deadline). */
    private Duration connectTimeout = Duration.ofSeconds(1);

    @Override
    protected String variablePrefix() {
        return "TWILIO_";
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

    /**
     * Demo mode only for a start with no Twilio setting at all: one given without TWILIO_ACCOUNT_SID (the failover
     * account's included) stops the start, since demo mode would answer Okta SUCCESSFUL for codes nobody sends.
     */
    void check(TwilioFailoverSettings failover) {
        apiUri();
        List<String> given = new ArrayList<>(givenBesidesTheAccount());
        if (twimlUrl != null) {
            given.add("TWILIO_TWIML_URL");
        }
        if (!Duration.ofSeconds(1).equals(connectTimeout)) {
            given.add("TWILIO_CONNECT_TIMEOUT");
        }
        if (failover.hasAccount()) {
            given.add("TWILIO_FAILOVER_ACCOUNT_SID");
        }
        given.addAll(failover.givenBesidesTheAccount());
        if (!hasAccount() && !given.isEmpty()) {
            throw new InvalidSettingsException("TWILIO_ACCOUNT_SID is not set although " + String.join(", ", given)
                    + (given.size() == 1 ? " is" : " are") + ": set it for live mode, or unset every TWILIO_ setting"
                    + " for demo mode (which sends nothing).");
        }
        failover.check();
    }
}
