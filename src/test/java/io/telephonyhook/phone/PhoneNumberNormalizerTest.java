package io.telephonyhook.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberNormalizerTest {

    @Test
    void aNationalNumberIsReadInTheDefaultRegion() {
        assertThat(new PhoneNumberNormalizer("GB").normalize("020 7946 0958"))
                .hasValueSatisfying(number -> {
                    assertThat(number.value()).isEqualTo("+442079460958");
                    assertThat(number.regionCode()).isEqualTo("GB");
                    assertThat(number.countryCode()).isEqualTo(44);
                });
    }

    @Test
    void anInternationalNumberIgnoresTheDefaultRegion() {
        assertThat(new PhoneNumberNormalizer("GB").normalize("+1 415 555 2671"))
                .hasValueSatisfying(number -> assertThat(number.value()).isEqualTo("+14155552671"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9876543210", "1-800-FLOWERS", "+1 415 555 267１", "", "++14155552671", "+1415555267100000"})
    void invalidInputIsRefused(String raw) {
        assertThat(new PhoneNumberNormalizer("US").normalize(raw)).isEmpty();
    }

    @Test
    void anUnknownRegionIsASettingsError() {
        assertThatThrownBy(() -> new PhoneNumberNormalizer("XX")).hasMessageContaining("'XX'");
    }
}
