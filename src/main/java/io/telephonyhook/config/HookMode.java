package io.telephonyhook.config;

/**
 * Live when Twilio credentials are configured; demo otherwise. In demo mode the same route sends through an
 * embedded Twilio simulator over real HTTP, so a fresh clone works before anyone has a Twilio account.
 */
public enum HookMode {
    LIVE,
    DEMO;

    public static HookMode of(TwilioProperties twilio) {
        return twilio.hasAccount() ? LIVE : DEMO;
    }
}
