package io.telephonyhook.wording;

/**
 * What a call says before the digits of the code, each of the two times it reads them.
 *
 * @param intro said before the digits the first time ("Your verification code is")
 * @param again said before the digits the second time ("Once again, your code is")
 */
public record VoiceWords(String intro, String again) {
}
