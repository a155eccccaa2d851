package io.telephonyhook.twilio;

/**
 * The senders one country's entry of {@code HOOK_SENDERS_FILE} gives; either may be absent, and the TWILIO_ senders
 * then stand in for it.
 *
 * @param sms      who SMS to the country come from; null for the default
 * @param callerId the number in E.164 calls to the country come from; null for the default
 */
public record CountrySenders(SmsSender sms, String callerId) {
}
