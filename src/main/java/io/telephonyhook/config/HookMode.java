package io.telephonyhook.config;

/**
 * Live when Twilio credentials are configured; demo when no Twilio setting at all is ({@link TwilioSettings#from}
 * refuses anything in between). In demo mode the same route sends through an embedded Twilio simulator over real HTTP,
 * so a fresh clone works before anyone has a Twilio account.
 */
public enum HookMode {
    LIVE,
    DEMO;

    /** The mode the settings ask for. */
    public static HookMode of(TwilioSettings twilio) {
        return twilio.hasAccount() ? LIVE : DEMO;
    }
}
