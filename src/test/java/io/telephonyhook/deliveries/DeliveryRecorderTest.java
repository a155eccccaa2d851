package io.telephonyhook.deliveries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.telephonyhook.delivery.DeliveryOutcome;
import io.telephonyhook.delivery.FailureReason;
import io.telephonyhook.okta.Channel;
import io.telephonyhook.okta.OtpRequest;
import io.telephonyhook.phone.E164Number;

/** The delivery route's step: a record for each message or call Twilio accepted, and nothing else, never a failure. */
class DeliveryRecorderTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00.250Z");

    private final InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger(Duration.ofHours(1), 100);
    private final DeliveryRecorder recorder = new DeliveryRecorder(ledger, Clock.fixed(NOW, ZoneOffset.UTC));

    private static OtpRequest request(String eventId, Channel channel) {
        return new OtpRequest(eventId, "com.okta.user.telephony.pre-enrollment", channel, "+33 6 12 34 56 78",
                new E164Number("+33612345678", 33, "FR"), "482913", "Code 482913", null, null);
    }

    @Test
    void aMessageTwilioAcceptedIsRecordedWithTheMaskedNumberAndNoCode() {
        recorder.accepted(request("evt-fr", Channel.SMS), DeliveryOutcome.delivered("SMfr", "accepted"));

        DeliveryRecord record = ledger.bySid("SMfr").orElseThrow();
        assertThat(record).isEqualTo(new DeliveryRecord("SMfr", "evt-fr", "sms", "+33*****5678", "FR",
                "com.okta.user.telephony.pre-enrollment", NOW, "accepted", null,
                List.of(new StatusChange("accepted", NOW, null)), "primary"));
        assertThat(record.toString()).doesNotContain("482913").doesNotContain("612345678");
    }

    @Test
    void aCallIsRecordedAsVoice() {
        recorder.accepted(request("evt-call", Channel.VOICE), DeliveryOutcome.delivered("CAcall", "queued"));

        assertThat(ledger.bySid("CAcall")).get().extracting(DeliveryRecord::channel).isEqualTo("voice");
    }

    @Test
    void withoutAnEventIdTheDeliveryHasNone() {
        recorder.accepted(request("-", Channel.SMS), DeliveryOutcome.delivered("SMnoevent", "queued"));

        assertThat(ledger.bySid("SMnoevent")).get().extracting(DeliveryRecord::eventId).isNull();
        assertThat(ledger.byEventId("-")).isEmpty();
    }

    @Test
    void nothingIsRecordedForACodeNotSentARepeatOrAnAnswerWithoutSid() {
        recorder.accepted(request("evt-1", Channel.SMS), DeliveryOutcome.failed(FailureReason.TWILIO_REJECTED, 21211, 400));
        recorder.accepted(request("evt-2", Channel.SMS), DeliveryOutcome.delivered("SMrepeat", "queued").asRepeat());
        recorder.accepted(request("evt-3", Channel.SMS), DeliveryOutcome.delivered(null, "queued"));
        recorder.accepted(null, DeliveryOutcome.delivered("SMnorequest", "queued"));
        recorder.accepted(request("evt-4", Channel.SMS), null);

        assertThat(ledger.recent("queued", 10)).isEmpty();
        assertThat(ledger.bySid("SMrepeat")).isEmpty();
    }

    @Test
    void aLedgerThatFailsNeverFailsTheStep() {
        DeliveryRecorder broken = new DeliveryRecorder(new DeliveryLedger() {
            @Override
            public void sent(DeliveryRecord record) {
                throw new IllegalStateException("broken");
            }

            @Override
            public Optional<DeliveryRecord> reported(String sid, String status, Integer errorCode, Instant at) {
                return Optional.empty();
            }

            @Override
            public Optional<DeliveryRecord> bySid(String sid) {
                return Optional.empty();
            }

            @Override
            public List<DeliveryRecord> byEventId(String eventId) {
                return List.of();
            }

            @Override
            public List<DeliveryRecord> recent(String status, int limit) {
                return List.of();
            }

            @Override
            public List<DeliveryRecord> latest(int most) {
                return List.of();
            }
        }, Clock.systemUTC());

        assertThatCode(() -> broken.accepted(request("evt", Channel.SMS), DeliveryOutcome.delivered("SMx", "queued")))
                .doesNotThrowAnyException();
    }
}
