package io.telephonyhook.wording;

/**
 * One locale's entry of {@code HOOK_WORDING_FILE}; either part may be absent, and a less specific locale's, or the
 * built-in wording, then stands in for it.
 *
 * @param smsTemplate the SMS text, with {@code {code}} where the code goes; null when not given
 * @param voice       what calls say; null when not given
 */
public record LocaleWording(String smsTemplate, VoiceWords voice) {
}
