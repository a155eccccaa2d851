package io.telephonyhook.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.telephonyhook.support.BoundSettings;

/** HOOK_DELIVERIES_MAX and HOOK_DELIVERIES_TTL: read from their variables, the README's defaults, ranges refused. */
class DeliverySettingsTest {

    @Test
    void readFromTheirVariables() {
        DeliverySettings deliveries = BoundSettings.fromEnvironment(
                Map.of("HOOK_DELIVERIES_MAX", "500", "HOOK_DELIVERIES_TTL", "2h")).deliveries();

        assertThat(deliveries).extracting(DeliverySettings::getMax, DeliverySettings::getTtl)
                .containsExactly(500, Duration.ofHours(2));
    }

    @Test
    void withNothingSetTheDefaultsAreTheReadmes() {
        assertThat(BoundSettings.fromProperties(Map.of()).deliveries())
                .extracting(DeliverySettings::getMax, DeliverySettings::getTtl)
                .containsExactly(5_000, Duration.ofHours(24));
    }

    @ParameterizedTest
    @CsvSource({
            "hook.deliveries.max, 0, HOOK_DELIVERIES_MAX must be between 1 and 1000000",
            "hook.deliveries.max, 1000001, HOOK_DELIVERIES_MAX must be between 1 and 1000000",
            "hook.deliveries.max, lots, HOOK_DELIVERIES_MAX (hook.deliveries.max) is 'lots'",
            "hook.deliveries.ttl, 30s, HOOK_DELIVERIES_TTL must be between 1m and 7 days",
            "hook.deliveries.ttl, 169h, HOOK_DELIVERIES_TTL must be between 1m and 7 days",
            "hook.deliveries.ttl, a day, HOOK_DELIVERIES_TTL (hook.deliveries.ttl) is 'a day'"})
    void valuesOutOfRangeRefuseTheStartInOneLine(String key, String value, String reason) {
        assertThatThrownBy(() -> BoundSettings.fromProperties(Map.of(key, value)))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining(reason).message().doesNotContain("\n");
    }
}
