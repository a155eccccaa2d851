package io.telephonyhook.okta;

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
        if (!isUtf8(body)) {
            throw new MalformedHookRequestException("body", "is not valid UTF-8");
        }
        // checked: the JDK's own conversion, with no replacement left to make (and a copy only for an ASCII body)
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Whether the bytes are well-formed UTF-8 as RFC 3629 (Unicode's table 3-7) defines it: no continuation byte
     * without its lead, no overlong form (C0, C1, E0 80-9F, F0 80-8F), no encoded surrogate (ED A0-BF), nothing past
     * U+10FFFF (F4 90-BF, F5-FF), no sequence cut short. The same judgement as the JDK's decoder set to report, without
     * its buffers: this runs twice for every call.
     */
    static boolean isUtf8(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int following;
            int secondMin = 0x80;
            int secondMax = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                following = 1;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                following = 2;
                secondMin = lead == 0xE0 ? 0xA0 : 0x80;
                secondMax = lead == 0xED ? 0x9F : 0xBF;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                following = 3;
                secondMin = lead == 0xF0 ? 0x90 : 0x80;
                secondMax = lead == 0xF4 ? 0x8F : 0xBF;
            } else {
                return false;
            }
            if (i + following >= bytes.length) {
                return false;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < secondMin || second > secondMax) {
                return false;
            }
            for (int k = 2; k <= following; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += following + 1;
        }
        return true;
    }
}
