package io.telephonyhook.okta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/**
 * {@link Utf8Body} reads every byte sequence of up to three bytes, and every four-byte one whose last byte is at an
 * edge of a range, exactly as the JDK's decoder set to report errors does (the same text, or refused), alone and
 * between ASCII characters: its fast path, the JDK's {@code String} conversion, lets nothing malformed through.
 */
class Utf8CheckTest {

    private static final int[] EDGES = {0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};

    private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharBuffer out = CharBuffer.allocate(16);
    private long refused;

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
        String text = "{\"msgTemplate\":\"Votre code : 482913 ✓ 中 😀 \uFFFD\"}"; // a U+FFFD the sender wrote

        assertThat(Utf8Body.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
        assertThat(Utf8Body.decode(new byte[0])).isEmpty();
        assertThatThrownBy(() -> Utf8Body.decode(HexFormat.of().parseHex("7b22c0af227d"))) // overlong '/'
                .isInstanceOf(MalformedHookRequestException.class)
                .hasMessageContaining("not valid UTF-8");
        assertThatThrownBy(() -> Utf8Body.decode(HexFormat.of().parseHex("eda080"))) // a surrogate, encoded
                .isInstanceOf(MalformedHookRequestException.class);
    }

    /**
     * The text the JDK's strict decoder gives, or null where it refuses. Of the refused sequences (most of them), every
     * 512th is read too: each is refused by the JDK's decoder again, through an exception, seconds for all of them.
     */
    private void agrees(byte[] bytes) {
        String jdk = jdkText(bytes);
        boolean replaced = new String(bytes, StandardCharsets.UTF_8).indexOf('\uFFFD') >= 0;
        if (jdk != null || !replaced || ++refused % 512 == 0) {
            assertThat(Utf8Body.textOrNull(bytes)).as(HexFormat.of().formatHex(bytes)).isEqualTo(jdk);
        }
    }

    /** The JDK decoder's text, or null where it reports the bytes malformed. */
    private String jdkText(byte[] bytes) {
        strict.reset();
        out.clear();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (strict.decode(in, out, true).isError() || strict.flush(out).isError() || in.hasRemaining()) {
            return null;
        }
        return out.flip().toString();
    }
}
