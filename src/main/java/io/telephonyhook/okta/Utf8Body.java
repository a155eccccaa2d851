package io.telephonyhook.okta;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A request body's bytes read as UTF-8, strictly: a byte sequence that is not UTF-8 (a lead byte without its
 * continuation, an overlong form, an encoded surrogate) refuses the call with 400 instead of becoming U+FFFD. A
 * replaced character inside {@code otpCode} or {@code msgTemplate} would otherwise travel on to the user as a code
 * or a text nobody sent. Jackson reading the bytes itself is not enough: it guesses UTF-16 and UTF-32 from the
 * first bytes and decodes overlong forms.
 */
public final class Utf8Body {

    private static final char REPLACED = '\uFFFD';

    private Utf8Body() {
    }

    /**
     * Whether every byte is ASCII from 1 to 127: such bytes are UTF-8 as they stand, with nothing for Jackson to guess
     * (no byte order mark, and no NUL, from which it would take the body for UTF-16 or UTF-32), so they may be parsed
     * without a string of the body first. Okta's requests are, but for a template or a name in another script.
     */
    static boolean isPlainAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b <= 0) {
                return false;
            }
        }
        return true;
    }

    /** The body as text; {@link MalformedHookRequestException} ({@code body is not valid UTF-8}) when it is not UTF-8. */
    public static String decode(byte[] body) {
        String text = textOrNull(body);
        if (text == null) {
            throw new MalformedHookRequestException("body", "is not valid UTF-8");
        }
        return text;
    }

    /**
     * The bytes as text, or null when they are not UTF-8. The JDK's {@code String} conversion first: it is the fast
     * one (a copy for ASCII, no buffers of its own), and it replaces whatever is malformed with U+FFFD, so text
     * without U+FFFD was well-formed. Only text with one, a replacement or a U+FFFD the sender wrote, is decoded again
     * by the JDK's decoder set to report, which tells the two apart. This runs twice for every call.
     */
    static String textOrNull(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf(REPLACED) < 0) {
            return text;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }
}
