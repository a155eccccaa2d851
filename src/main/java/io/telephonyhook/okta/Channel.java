package io.telephonyhook.okta;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the code is to reach the user. Okta is loose about the spelling of {@code deliveryChannel}: {@code SMS} for
 * text; {@code CALL}, {@code voice call}, {@code voice} and {@code Voice} for a call have all been seen. The hook
 * accepts those spellings and no others: a value is read as a whole, never searched for a word, so
 * {@code "callback please SMS"} or {@code "no-sms-voice"} is not guessed at but refused.
 */
public enum Channel {
    SMS,
    VOICE,
    /** Any other spelling: refused (FAILED, {@code reason=unknown-channel}), never guessed. */
    UNKNOWN;

    /** The name in lower case, as the call's log line and the metrics write it: {@code sms}, {@code voice}. */
    private final String lowerCase = name().toLowerCase(Locale.ROOT);

    public String lowerCase() {
        return lowerCase;
    }

    /** Okta's spellings, lower case, words one space apart. */
    private static final Map<String, Channel> SPELLINGS = Map.of(
            "sms", SMS,
            "text", SMS,
            "call", VOICE,
            "voice", VOICE,
            "voice call", VOICE);

    /** The spellings as they are, and in capitals: what the folding below would give for them, without it. */
    private static final Map<String, Channel> EXACT = exactSpellings();

    private static Map<String, Channel> exactSpellings() {
        Map<String, Channel> exact = new HashMap<>(SPELLINGS);
        SPELLINGS.forEach((spelling, channel) -> exact.put(spelling.toUpperCase(Locale.ROOT), channel));
        return Map.copyOf(exact);
    }

    private static final Pattern ASCII_WHITESPACE = Pattern.compile("[ \\t\\n\\x0B\\f\\r]+");

    /**
     * The channel a spelling names, compared as Okta's clients would type it: compatibility characters folded (NFKC:
     * full-width {@code ＳＭＳ} is {@code SMS}), case ignored, surrounding whitespace dropped and inner whitespace
     * counted once. Whatever is still not ASCII after folding (a Turkish {@code İ}, a zero-width space, a direction
     * mark) makes the spelling unknown: such a character is a look-alike or hidden, not a way to write "sms".
     */
    public static Channel fromDeliveryChannel(String deliveryChannel) {
        if (deliveryChannel == null) {
            return UNKNOWN;
        }
        Channel asOktaWritesIt = EXACT.get(deliveryChannel); // "SMS", "voice call": no folding needed
        if (asOktaWritesIt != null) {
            return asOktaWritesIt;
        }
        String folded = Normalizer.normalize(deliveryChannel, Normalizer.Form.NFKC);
        if (!folded.chars().allMatch(c -> c < 0x80)) {
            return UNKNOWN;
        }
        String words = ASCII_WHITESPACE.matcher(folded.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
        return SPELLINGS.getOrDefault(words, UNKNOWN);
    }
}
