package io.telephonyhook.deliveries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

/**
 * The rule README "What became of a code" documents for a delivery's history, played against any store (memory, and
 * Redis's Lua script), so both keep the same history: every status that arrived, once each, in arrival order, those
 * that came out of order marked late; the status only moves forwards and the first final status stays.
 */
final class HistoryRule {

    private HistoryRule() {
    }

    /** Reports, out of order and repeated, for an SMS {@code sid} the store holds as sent (queued) at {@code t0}. */
    static void outOfOrderReportsAreKeptInArrivalOrder(DeliveryStore store, String sid, Instant t0) {
        DeliveryStore.Report delivered = store.report(sid, "delivered", null, t0.plusSeconds(3)).orElseThrow();
        DeliveryStore.Report sentLate = store.report(sid, "sent", null, t0.plusSeconds(4)).orElseThrow();
        DeliveryStore.Report sentAgain = store.report(sid, "sent", null, t0.plusSeconds(5)).orElseThrow();
        DeliveryStore.Report failedLate = store.report(sid, "failed", 30008, t0.plusSeconds(6)).orElseThrow();

        assertThat(delivered.recorded()).isEqualTo(new StatusChange("delivered", t0.plusSeconds(3), null, false));
        assertThat(sentLate.recorded()).isEqualTo(new StatusChange("sent", t0.plusSeconds(4), null, true));
        assertThat(sentAgain.recorded()).as("a repeat adds nothing").isNull();
        assertThat(failedLate.recorded()).isEqualTo(new StatusChange("failed", t0.plusSeconds(6), 30008, true));
        DeliveryRecord record = store.bySid(sid).orElseThrow();
        assertThat(record.status()).isEqualTo("delivered");
        assertThat(record.errorCode()).as("a late report's error code stays in its entry").isNull();
        assertThat(record.history()).containsExactly(
                new StatusChange("queued", t0, null, false),
                new StatusChange("delivered", t0.plusSeconds(3), null, false),
                new StatusChange("sent", t0.plusSeconds(4), null, true),
                new StatusChange("failed", t0.plusSeconds(6), 30008, true));
        assertThat(store.recent("delivered", 10)).extracting(DeliveryRecord::sid).contains(sid);
        assertThat(store.recent("sent", 10)).extracting(DeliveryRecord::sid).doesNotContain(sid);
    }
}
