package io.telephonyhook.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/**
 * {@link Utf8Body}'s own UTF-8 check judges every byte sequence of up to three bytes, and every four-byte one whose
 * last byte is at an edge of a range, exactly as the JDK's decoder set to report errors does (the check it replaced),
 * alone and between ASCII characters.
 */
class Utf8CheckTest {

    private static final int[] EDGES = {0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};

    private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharBuffer out = CharBuffer.allocate(16);

    @Test
    void everySequenceOfOneToThreeBytesIsJudgedAsTheJdkDoes() {
        for (int a = 0; a < 256; a++) {
            agrees(new byte[] {(byte) a});
            for (int b = 0; b < 256; b++) {
                agrees(new byte[] {(byte) a, (byte) b});
                for (int c = 0; c < 256; c++) {
                    agrees(new byte[] {(byte) a, (byte) b, (byte) c});
                }
            }
        }
    }

    @Test
    void fourByteSequencesAreJudgedAsTheJdkDoes() {
        for (int a = 0xE0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                for (int c = 0; c < 256; c++) {
                    for (int d : EDGES) {
                        agrees(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
                    }
                }
            }
        }
    }

    @Test
    void sequencesBetweenAsciiAreJudgedAsTheJdkDoes() {
        for (int a = 0x80; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                agrees(new byte[] {'{', (byte) a, (byte) b, '}'});
                agrees(new byte[] {'{', (byte) a, (byte) b, (byte) 0x80, '}'});
                agrees(new byte[] {'{', (byte) a, (byte) b, (byte) 0x80, (byte) 0x80, '}'});
            }
        }
    }

    @Test
    void decodeGivesTheTextOrRefusesWith400() {
        String text = "{\"msgTemplate\":\"Votre code : 482913 ✓ 中 😀\"}";

        assertThat(Utf8Body.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
        assertThat(Utf8Body.decode(new byte[0])).isEmpty();
        assertThatThrownBy(() -> Utf8Body.decode(HexFormat.of().parseHex("7b22c0af227d"))) // overlong '/'
                .isInstanceOf(MalformedHookRequestException.class)
                .hasMessageContaining("not valid UTF-8");
        assertThatThrownBy(() -> Utf8Body.decode(HexFormat.of().parseHex("eda080"))) // a surrogate, encoded
                .isInstanceOf(MalformedHookRequestException.class);
    }

    private void agrees(byte[] bytes) {
        assertThat(Utf8Body.isUtf8(bytes)).as(HexFormat.of().formatHex(bytes)).isEqualTo(jdkAccepts(bytes));
    }

    private boolean jdkAccepts(byte[] bytes) {
        strict.reset();
        out.clear();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = strict.decode(in, out, true);
        if (result.isError()) {
            return false;
        }
        return !strict.flush(out).isError() && !in.hasRemaining();
    }
}
