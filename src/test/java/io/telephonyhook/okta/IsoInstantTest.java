package io.telephonyhook.okta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Okta's timestamps read by hand give what {@link Instant#parse} gives, for what it accepts and what it refuses. */
class IsoInstantTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-10-02T14:16:20.000Z", "2026-10-02T14:16:20Z", "2026-10-02T14:16:20.5Z",
        "2026-10-02T14:16:20.123456789Z", "2024-02-29T23:59:59.999Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
        "2023-02-29T10:00:00Z", "2026-13-01T10:00:00Z", "2026-00-10T10:00:00Z", "2026-04-31T10:00:00Z",
        "2026-10-02T24:00:00Z", "2026-10-02T23:60:00Z", "2026-12-31T23:59:60Z", "2026-10-02T14:16:20.Z",
        "2026-10-02T14:16:20.1234567890Z", "2026-10-02t14:16:20z", "2026-10-02T14:16:20+02:00", "2026-10-02 14:16:20Z",
        "+12026-10-02T14:16:20Z", "2026-1a-02T14:16:20Z", "2026-10-02T14:16:20,5Z", "2026-10-02T14:16:2OZ",
        "2026-10-02", "２０２６-10-02T14:16:20Z", " 2026-10-02T14:16:20Z ", "", "   "})
    void readsWhatInstantParseReads(String text) {
        assertThat(IsoInstant.parseOrNull(text)).isEqualTo(byInstantParse(text));
    }

    @Test
    void everyInstantInOktasShapeReadsAsInstantParseReadsIt() {
        Random random = new Random(29);
        for (int i = 0; i < 20_000; i++) {
            Instant sent = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L),
                    random.nextInt(1_000_000_000));
            String text = sent.toString();
            int digits = random.nextInt(10);
            String shaped = text.substring(0, 19) + (digits == 0 ? "" : "." + String.format("%09d", sent.getNano())
                    .substring(0, digits)) + "Z";
            assertThat(IsoInstant.parseOrNull(shaped)).as(shaped).isEqualTo(byInstantParse(shaped));
        }
    }

    @Test
    void oktasShapeIsReadWithoutInstantParse() {
        assertThat(IsoInstant.inOktasShape("2026-10-02T14:16:20.000Z")).isEqualTo(Instant.parse("2026-10-02T14:16:20Z"));
        assertThat(IsoInstant.inOktasShape("2026-10-02T14:16:20+00:00")).isNull();
    }

    private static Instant byInstantParse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
