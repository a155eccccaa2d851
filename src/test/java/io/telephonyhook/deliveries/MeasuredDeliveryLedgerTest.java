package io.telephonyhook.deliveries;

import static io.telephonyhook.deliveries.InMemoryDeliveryLedgerTest.call;
import static io.telephonyhook.deliveries.InMemoryDeliveryLedgerTest.sms;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import io.telephonyhook.observability.DeliveryMetrics;

/** Each status recorded is counted once, with bounded tags; the time to delivered or completed is a histogram. */
class MeasuredDeliveryLedgerTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DeliveryLedger ledger = new MeasuredDeliveryLedger(
            new InMemoryDeliveryLedger(Duration.ofHours(1), 1000), new DeliveryMetrics(meters));

    @Test
    void eachStatusRecordedIsCountedOnceAndIgnoredReportsAreNot() {
        ledger.sent(sms("SM1", "evt-1", T0));
        ledger.reported("SM1", "sent", null, T0.plusSeconds(1));
        ledger.reported("SM1", "sent", null, T0.plusSeconds(2)); // a repeat
        ledger.reported("SM1", "delivered", null, T0.plusSeconds(4));
        ledger.reported("SM1", "queued", null, T0.plusSeconds(5)); // backwards
        ledger.reported("SM1", "failed", 30008, T0.plusSeconds(6)); // after a final one
        ledger.reported("SMunknown", "delivered", null, T0);

        assertThat(count("sms", "queued", "US")).isEqualTo(1);
        assertThat(count("sms", "sent", "US")).isEqualTo(1);
        assertThat(count("sms", "delivered", "US")).isEqualTo(1);
        assertThat(count("sms", "failed", "US")).isZero();
        Timer delivery = meters.get("telephony.hook.delivery").tag("channel", "sms").timer();
        assertThat(delivery.count()).isEqualTo(1);
        assertThat(delivery.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(4000);
    }

    @Test
    void aCallIsTimedToCompletedOnlyAndOtherFinalStatusesAreCounted() {
        ledger.sent(call("CA1", "evt-2", T0));
        ledger.reported("CA1", "completed", null, T0.plusSeconds(40));
        ledger.sent(call("CA2", "evt-3", T0));
        ledger.reported("CA2", "busy", null, T0.plusSeconds(10));

        assertThat(count("voice", "completed", "GB")).isEqualTo(1);
        assertThat(count("voice", "busy", "GB")).isEqualTo(1);
        assertThat(meters.get("telephony.hook.delivery").tag("channel", "voice").timer().count()).isEqualTo(1);
    }

    @Test
    void tagsAreBounded() {
        ledger.sent(DeliveryRecord.sent("SMx", "evt-x", "sms", "+1******2671", null, null, T0, "queued"));
        ledger.reported("SMx", "brand_new_status", null, T0.plusSeconds(1));
        ledger.sent(DeliveryRecord.sent("SMy", "evt-y", "sms", "+1******2671", "not a region", null, T0, "queued"));
        for (int i = 0; i < 400; i++) {
            String country = "" + (char) ('A' + i / 26) + (char) ('A' + i % 26); // 400 distinct regions
            ledger.sent(DeliveryRecord.sent("SMc" + i, "evt-c" + i, "sms", "+1******2671", country, null, T0, "queued"));
        }

        assertThat(count("sms", "other", "unknown")).isEqualTo(1);
        assertThat(count("sms", "queued", "unknown")).isEqualTo(2);
        assertThat(count("sms", "queued", "other")).isEqualTo(100);
        assertThat(meters.find("telephony.hook.deliveries").counters()).hasSizeLessThanOrEqualTo(300 + 3);
    }

    private double count(String channel, String status, String country) {
        var counter = meters.find("telephony.hook.deliveries")
                .tags("channel", channel, "status", status, "country", country).counter();
        return counter == null ? 0 : counter.count();
    }
}
