package io.telephonyhook.deliveries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * This instance's deliveries: statuses only move forwards, the history keeps every status in arrival order (late ones
 * marked), count and age are bounded.
 */
class InMemoryDeliveryLedgerTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

    private final InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger(Duration.ofHours(24), 1000);

    static DeliveryRecord sms(String sid, String eventId, Instant sentAt) {
        return DeliveryRecord.sent(sid, eventId, "sms", "+1******2671", "US",
                "com.okta.user.telephony.mfa-verification", sentAt, "queued");
    }

    static DeliveryRecord call(String sid, String eventId, Instant sentAt) {
        return DeliveryRecord.sent(sid, eventId, "voice", "+44******1234", "GB",
                "com.okta.user.telephony.mfa-verification", sentAt, "queued");
    }

    @Test
    void statusesMoveForwardAndALateSentLeavesItDelivered() {
        ledger.sent(sms("SM1", "evt-1", T0));

        Optional<DeliveryRecord> sent = ledger.reported("SM1", "sent", null, T0.plusSeconds(1));
        Optional<DeliveryRecord> delivered = ledger.reported("SM1", "delivered", null, T0.plusSeconds(3));
        Optional<DeliveryRecord> late = ledger.reported("SM1", "sent", null, T0.plusSeconds(4));

        assertThat(sent).get().extracting(DeliveryRecord::status).isEqualTo("sent");
        assertThat(delivered).get().extracting(DeliveryRecord::status).isEqualTo("delivered");
        assertThat(late).get().isEqualTo(delivered.get());
        DeliveryRecord record = ledger.bySid("SM1").orElseThrow();
        assertThat(record.status()).isEqualTo("delivered");
        assertThat(record.history()).containsExactly(
                new StatusChange("queued", T0, null),
                new StatusChange("sent", T0.plusSeconds(1), null),
                new StatusChange("delivered", T0.plusSeconds(3), null));
        assertThat(record.eventId()).isEqualTo("evt-1");
        assertThat(record.to()).isEqualTo("+1******2671");
        assertThat(record.sentAt()).isEqualTo(T0);
    }

    @Test
    void aReportThatWouldGoBackIsIgnoredAndSaysWhatIsKept() {
        ledger.sent(sms("SM2", "evt-2", T0));
        ledger.reported("SM2", "sending", null, T0.plusSeconds(1));

        Optional<DeliveryStore.Report> queuedAgain = ledger.report("SM2", "queued", null, T0.plusSeconds(2));
        Optional<DeliveryStore.Report> sameAgain = ledger.report("SM2", "sending", null, T0.plusSeconds(2));

        assertThat(queuedAgain).get().satisfies(report -> {
            assertThat(report.recorded()).isNull();
            assertThat(report.record().status()).isEqualTo("sending");
        });
        assertThat(sameAgain.orElseThrow().recorded()).isNull();
        assertThat(ledger.bySid("SM2").orElseThrow().history()).extracting(StatusChange::status)
                .containsExactly("queued", "sending");
    }

    @Test
    void outOfOrderReportsAreKeptInArrivalOrderMarkedLate() {
        ledger.sent(sms("SMlate", "evt-late", T0));
        HistoryRule.outOfOrderReportsAreKeptInArrivalOrder(ledger, "SMlate", T0);
    }

    @Test
    void theFirstFinalStatusWinsWithItsErrorCode() {
        ledger.sent(sms("SM3", "evt-3", T0));

        ledger.reported("SM3", "undelivered", 30003, T0.plusSeconds(5));
        Optional<DeliveryRecord> after = ledger.reported("SM3", "delivered", null, T0.plusSeconds(6));

        assertThat(after).get().satisfies(record -> {
            assertThat(record.status()).isEqualTo("undelivered");
            assertThat(record.errorCode()).isEqualTo(30003);
            assertThat(record.history()).containsExactly(new StatusChange("queued", T0, null),
                    new StatusChange("undelivered", T0.plusSeconds(5), 30003),
                    new StatusChange("delivered", T0.plusSeconds(6), null, true));
        });
    }

    @Test
    void callsHaveTheirOwnOrder() {
        ledger.sent(call("CA1", "evt-4", T0));

        ledger.reported("CA1", "ringing", null, T0.plusSeconds(1));
        ledger.reported("CA1", "initiated", null, T0.plusSeconds(2)); // late: kept, the status stays ringing
        ledger.reported("CA1", "in-progress", null, T0.plusSeconds(3));
        ledger.reported("CA1", "Completed", null, T0.plusSeconds(30)); // case does not matter
        ledger.reported("CA1", "no-answer", null, T0.plusSeconds(31)); // final already: kept, late

        DeliveryRecord record = ledger.bySid("CA1").orElseThrow();
        assertThat(record.status()).isEqualTo("completed");
        assertThat(record.history()).extracting(change -> change.status() + (change.late() ? " (late)" : ""))
                .containsExactly("queued", "ringing", "initiated (late)", "in-progress", "completed", "no-answer (late)");
    }

    @Test
    void anUnknownWordIsKeptInTheHistoryButDoesNotBecomeTheStatus() {
        ledger.sent(sms("SM4", "evt-5", T0));

        Optional<DeliveryStore.Report> unknown = ledger.report("SM4", "carrier_hold", null, T0.plusSeconds(1));
        ledger.report("SM4", "carrier_hold", null, T0.plusSeconds(2)); // the same word again: once is enough
        ledger.report("SM4", "bad word\n", null, T0.plusSeconds(3));
        ledger.reported("SM4", "sent", null, T0.plusSeconds(4));
        ledger.reported("SM4", "delivered", null, T0.plusSeconds(5));
        ledger.reported("SM4", "another_new_word", null, T0.plusSeconds(6)); // after the final status: late

        assertThat(unknown.orElseThrow().recorded()).isEqualTo(new StatusChange("carrier_hold", T0.plusSeconds(1), null));
        assertThat(unknown.orElseThrow().record().status()).isEqualTo("queued");
        DeliveryRecord record = ledger.bySid("SM4").orElseThrow();
        assertThat(record.status()).isEqualTo("delivered");
        assertThat(record.history()).extracting(change -> change.status() + (change.late() ? " (late)" : ""))
                .containsExactly("queued", "carrier_hold", "other", "sent", "delivered", "another_new_word (late)");
    }

    @Test
    void unknownWordsCannotGrowTheHistoryForever() {
        ledger.sent(sms("SM5", "evt-6", T0));
        for (int i = 0; i < 100; i++) {
            ledger.reported("SM5", "word" + i, null, T0.plusSeconds(i));
        }
        assertThat(ledger.bySid("SM5").orElseThrow().history()).hasSize(DeliveryRecord.MAX_HISTORY);
        assertThat(ledger.reported("SM5", "delivered", null, T0.plusSeconds(200)).orElseThrow().status())
                .isEqualTo("delivered");
    }

    @Test
    void anUnknownSidIsEmptyAndNothingThrows() {
        assertThat(ledger.reported("SMunknown", "delivered", null, T0)).isEmpty();
        assertThat(ledger.reported(null, null, null, T0)).isEmpty();
        assertThat(ledger.bySid("SMunknown")).isEmpty();
        assertThat(ledger.bySid(null)).isEmpty();
        assertThat(ledger.byEventId("nothing")).isEmpty();
        assertThat(ledger.recent("delivered", 10)).isEmpty();
    }

    @Test
    void aSecondSentForTheSameSidDoesNotResetIt() {
        ledger.sent(sms("SM6", "evt-7", T0));
        ledger.reported("SM6", "delivered", null, T0.plusSeconds(2));

        ledger.sent(sms("SM6", "evt-7", T0.plusSeconds(3)));

        assertThat(ledger.bySid("SM6").orElseThrow().status()).isEqualTo("delivered");
    }

    @Test
    void byEventIdAndRecentAreNewestFirstAndBounded() {
        ledger.sent(sms("SM10", "evt-many", T0));
        ledger.sent(call("CA11", "evt-many", T0.plusSeconds(10)));
        ledger.sent(sms("SM12", "evt-other", T0.plusSeconds(20)));
        for (String sid : List.of("SM10", "SM12")) {
            ledger.reported(sid, "delivered", null, T0.plusSeconds(30));
        }
        ledger.reported("CA11", "busy", null, T0.plusSeconds(30));

        assertThat(ledger.byEventId("evt-many")).extracting(DeliveryRecord::sid).containsExactly("CA11", "SM10");
        assertThat(ledger.recent("delivered", 10)).extracting(DeliveryRecord::sid).containsExactly("SM12", "SM10");
        assertThat(ledger.recent("DELIVERED", 1)).extracting(DeliveryRecord::sid).containsExactly("SM12");
        assertThat(ledger.recent("busy", 10)).extracting(DeliveryRecord::sid).containsExactly("CA11");
        assertThat(ledger.recent("queued", 10)).isEmpty();
    }

    @Test
    void pastTheMaximumTheFirstSentGoFirst() {
        InMemoryDeliveryLedger small = new InMemoryDeliveryLedger(Duration.ofHours(24), 3);
        for (int i = 1; i <= 5; i++) {
            small.sent(sms("SM" + i, "evt-" + i, T0.plusSeconds(i)));
            small.reported("SM1", "sending", null, T0.plusSeconds(i)); // read often: kept all the same
        }

        assertThat(small.size()).isEqualTo(3);
        assertThat(small.bySid("SM1")).isEmpty();
        assertThat(small.bySid("SM2")).isEmpty();
        assertThat(List.of("SM3", "SM4", "SM5")).allSatisfy(sid -> assertThat(small.bySid(sid)).isPresent());
        assertThat(small.reported("SM1", "delivered", null, T0)).isEmpty();
    }

    @Test
    void aDeliveryIsForgottenItsTimeToLiveAfterItWasSentWhateverCameSince() {
        AtomicLong nanos = new AtomicLong();
        InMemoryDeliveryLedger aging = new InMemoryDeliveryLedger(Duration.ofMinutes(10), 100, nanos::get);
        aging.sent(sms("SM1", "evt-1", T0));

        nanos.addAndGet(Duration.ofMinutes(9).toNanos());
        assertThat(aging.reported("SM1", "delivered", null, T0)).isPresent();
        nanos.addAndGet(Duration.ofMinutes(2).toNanos());

        assertThat(aging.bySid("SM1")).isEmpty();
        assertThat(aging.reported("SM1", "failed", null, T0)).isEmpty();
        assertThat(aging.size()).isZero();
    }

    /**
     * Twilio's callbacks for one message arrive in parallel and in any order: whatever the interleaving, each
     * delivery ends with exactly one final status (the only one any report saw recorded), and its history ranks
     * strictly upwards.
     */
    @Test
    void concurrentReportsEndInOneConsistentFinalStatus() throws Exception {
        int deliveries = 50;
        for (int i = 0; i < deliveries; i++) {
            ledger.sent(sms("SMc" + i, "evt-c" + i, T0));
        }
        List<String> words = List.of("sending", "sent", "delivered", "undelivered", "failed", "queued", "sent",
                "read", "carrier_hold");
        ConcurrentHashMap<String, List<String>> finalsRecorded = new ConcurrentHashMap<>();
        AtomicInteger reports = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            long seed = t;
            done.add(threads.submit(() -> {
                Random random = new Random(seed);
                start.await();
                for (int n = 0; n < 2000; n++) {
                    String sid = "SMc" + random.nextInt(deliveries);
                    String word = words.get(random.nextInt(words.size()));
                    ledger.report(sid, word, null, T0.plusMillis(n)).ifPresent(report -> {
                        reports.incrementAndGet();
                        if (report.recorded() != null && !report.recorded().late()
                                && DeliveryStatuses.isFinal("sms", report.recorded().status())) {
                            finalsRecorded.computeIfAbsent(sid, key -> Collections.synchronizedList(new ArrayList<>()))
                                    .add(report.recorded().status());
                        }
                    });
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();

        assertThat(reports.get()).isEqualTo(16 * 2000);
        for (int i = 0; i < deliveries; i++) {
            DeliveryRecord record = ledger.bySid("SMc" + i).orElseThrow();
            assertThat(DeliveryStatuses.isFinal("sms", record.status())).as(record.sid()).isTrue();
            assertThat(finalsRecorded.get(record.sid())).as(record.sid()).containsExactly(record.status());
            List<Integer> ranks = record.history().stream().filter(change -> !change.late()).map(StatusChange::status)
                    .filter(word -> DeliveryStatuses.isKnown("sms", word))
                    .map(word -> DeliveryStatuses.rank("sms", word)).toList();
            assertThat(ranks).as(record.sid()).isSorted().doesNotHaveDuplicates();
            assertThat(record.history().stream().map(StatusChange::status).distinct().count()).as(record.sid())
                    .isEqualTo(record.history().size());
            assertThat(record.history().stream().filter(change -> !change.late()).reduce((a, b) -> b).orElseThrow()
                    .status()).isEqualTo(record.status());
        }
    }
}
