package io.telephonyhook.config;

/**
 * Live when Twilio credentials are configured; demo otherwise. In demo mode the same route sends through an
 * embedded Twilio simulator over real HTTP, so a fresh clone works before anyone has a Twilio account.
 */
public enum HookMode {
    LIVE,
    DEMO;

    /** The mode the settings ask for; a half-configured live setup is refused rather than run as a demo. */
    public static HookMode of(TwilioSettings twilio) {
        if (!twilio.hasAccount() && twilio.hasAccountSettings()) {
            // Demo mode would answer SUCCESSFUL for codes nobody receives: a half-configured live setup must not start.
            throw new InvalidSettingsException("TWILIO_ACCOUNT_SID is not set although other TWILIO_ settings are:"
                    + " set it for live mode, or unset them all for demo mode.");
        }
        return twilio.hasAccount() ? LIVE : DEMO;
    }
}
