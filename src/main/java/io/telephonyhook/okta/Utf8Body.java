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

    private Utf8Body() {
    }

    /** The body as text; {@link MalformedHookRequestException} ({@code body is not valid UTF-8}) when it is not UTF-8. */
    public static String decode(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw new MalformedHookRequestException("body", "is not valid UTF-8");
        }
    }
}
