package io.telephonyhook.deliveries;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryStatusesTest {

    @Test
    void aStatusIsKeptAsAPlainLowerCaseWordOrCountedAsOther() {
        assertThat(DeliveryStatuses.normalize(" Delivered ")).isEqualTo("delivered");
        assertThat(DeliveryStatuses.normalize("no-answer")).isEqualTo("no-answer");
        assertThat(DeliveryStatuses.normalize("carrier_hold")).isEqualTo("carrier_hold");
        assertThat(DeliveryStatuses.normalize("x".repeat(32))).hasSize(32);
        assertThat(DeliveryStatuses.normalize("x".repeat(33))).isEqualTo(DeliveryStatuses.OTHER);
        assertThat(DeliveryStatuses.normalize("sent\nforged")).isEqualTo(DeliveryStatuses.OTHER);
        assertThat(DeliveryStatuses.normalize("délivré")).isEqualTo(DeliveryStatuses.OTHER);
        assertThat(DeliveryStatuses.normalize("")).isEqualTo(DeliveryStatuses.OTHER);
        assertThat(DeliveryStatuses.normalize(null)).isEqualTo(DeliveryStatuses.OTHER);
    }
}
