package io.telephonyhook.config;

/**
 * A second Twilio account the hook sends through when the primary did not take a code ({@code twilio.failover.*},
 * environment variables {@code TWILIO_FAILOVER_*}): another region, a subaccount with its own numbers, a second
 * Messaging Service. Unset: no failover. Its settings are named and checked as the primary's; the TwiML URL and the
 * connection timeout are the primary's.
 */
public class TwilioFailoverSettings extends TwilioAccountSettings {

    public static final String PREFIX = "twilio.failover";

    @Override
    protected String variablePrefix() {
        return "TWILIO_FAILOVER_";
    }

    /** Any failover setting without its account SID stops the start; with it, the account's own rules. */
    void check() {
        if (!hasAccount() && !givenBesidesTheAccount().isEmpty()) {
            throw new InvalidSettingsException("TWILIO_FAILOVER_ACCOUNT_SID is not set although "
                    + String.join(", ", givenBesidesTheAccount()) + (givenBesidesTheAccount().size() == 1 ? " is" : " are")
                    + ": set it for a failover account, or unset them.");
        }
        checkAccount();
    }
}
