package io.telephonyhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.telephonyhook.okta.Channel;
import io.telephonyhook.okta.OtpRequest;
import io.telephonyhook.phone.E164Number;

class DeliverabilityCheckTest {

    private static final Instant NOW = Instant.parse("2026-10-02T14:11:20Z");
    private static final E164Number NUMBER = new E164Number("+14155552671", 1, "US");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void voiceWithoutACallerNumberIsRefusedAsNotConfigured() {
        DeliverabilityCheck smsOnly = new DeliverabilityCheck(clock, Set.of(Channel.SMS));

        assertThat(smsOnly.refusal(request(Channel.VOICE, NUMBER, NOW.plusSeconds(60)), null))
                .isEqualTo(DeliveryOutcome.failed(FailureReason.CHANNEL_NOT_CONFIGURED));
        assertThat(smsOnly.refusal(request(Channel.SMS, NUMBER, NOW.plusSeconds(60)), null)).isNull();
    }

    @Test
    void aCodeExpiringThisInstantIsExpired() {
        DeliverabilityCheck check = new DeliverabilityCheck(clock, Set.of(Channel.SMS, Channel.VOICE));

        assertThat(check.refusal(request(Channel.SMS, NUMBER, NOW), null))
                .isEqualTo(DeliveryOutcome.failed(FailureReason.EXPIRED));
        assertThat(check.refusal(request(Channel.SMS, NUMBER, NOW.plusMillis(1)), null)).isNull();
        assertThat(check.refusal(request(Channel.SMS, NUMBER, null), null)).isNull();
    }

    private static OtpRequest request(Channel channel, E164Number to, Instant expiresAt) {
        return new OtpRequest("e1", null, channel, "+14155552671", to, "123456", null, Locale.US, expiresAt);
    }
}
