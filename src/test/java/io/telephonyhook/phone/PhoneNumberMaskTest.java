package io.telephonyhook.phone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumberMaskTest {

    private final PhoneNumberNormalizer normalizer = new PhoneNumberNormalizer("US");

    @ParameterizedTest
    @CsvSource({
            "+14155552671, +1******2671",
            "+447911123456, +44******3456",
            "+4930123456, +49****3456",
            "+35312345678, +353****5678",
            "+6421123456, +64****3456"})
    void keepsTheCountryCodeAndTheLastDigits(String e164, String masked) {
        assertThat(normalizer.normalize(e164)).hasValueSatisfying(number -> {
            assertThat(number.masked()).isEqualTo(masked);
            assertThat(number.toString()).isEqualTo(masked);
        });
    }

    @Test
    void unparsedInputKeepsOnlyItsLastTwoDigits() {
        assertThat(PhoneNumberMask.maskUnparsed("9876543210")).isEqualTo("********10");
        assertThat(PhoneNumberMask.maskUnparsed("12")).isEqualTo("**");
        assertThat(PhoneNumberMask.maskUnparsed(null)).isEqualTo("<none>");
    }
}
