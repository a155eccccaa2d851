package io.telephonyhook.spring;

/**
 * A bean an application declares when no other component of it has {@code twilio.*} settings (the standalone
 * application does): a mistyped {@code TWILIO_} key is then refused at start-up like a mistyped {@code HOOK_} one.
 */
public interface TwilioKeysAreTheHooks {
}
