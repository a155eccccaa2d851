package io.telephonyhook.dedup;

import java.time.Duration;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.telephonyhook.StepExpression;
import io.telephonyhook.delivery.CallDeadline;
import io.telephonyhook.delivery.DeliveryOutcome;
import io.telephonyhook.delivery.FailureReason;
import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.okta.EventId;
import io.telephonyhook.okta.OtpRequest;
import io.telephonyhook.redis.RedisOutage;
import io.telephonyhook.redis.RedisUnavailableException;
import io.telephonyhook.redis.SharedRedis;

/**
 * At most one delivery per Okta {@code eventId}. Okta does not retry a telephony hook, but the hop in front of it
 * may (a load balancer, an ingress, a mesh retrying a POST after a reset or a timeout), and each retry reaching Twilio
 * would be a second code, paid for. The first call with an eventId claims it; a repeat within {@code HOOK_DEDUP_TTL}
 * gets the first call's outcome again (same status, same transactionId), waiting for it while the first is in flight,
 * and answers {@code FAILED} only if its own deadline comes first.
 *
 * <p>With {@code HOOK_DEDUP_REDIS_URL} the eventIds are shared by every instance, and each instance keeps its own in
 * memory as well (asked first); when Redis does not answer, the call goes on with this instance's memory (fail open:
 * a code is sent rather than refused), counted in {@code telephony_hook_redis_unavailable_total{use="dedup"}} and
 * logged once per outage.
 */
public class OneDeliveryPerEvent implements StepExpression {

    /** The exchange property holding this call's claim, for {@link #remember}. */
    public static final String CLAIM = "eventClaim";
    /** What a repeat keeps of its deadline to answer Okta after waiting. */
    static final Duration ANSWER_MARGIN = Duration.ofMillis(100);

    private static final Logger log = LoggerFactory.getLogger(OneDeliveryPerEvent.class);

    private final EventLedger shared;
    private final EventLedger local;
    private final RedisOutage outage;

    /**
     * @param local  this instance's ledger; null turns deduplication off
     * @param shared the ledger instances share (Redis); null for memory only
     */
    public OneDeliveryPerEvent(EventLedger local, EventLedger shared, CallMetrics metrics) {
        this.local = local;
        this.shared = shared;
        this.outage = new RedisOutage("dedup", "calls go on, repeats are caught on this instance only", metrics);
    }

    /** Deduplication off ({@code HOOK_DEDUP_TTL=0}). */
    public static OneDeliveryPerEvent off(CallMetrics metrics) {
        return new OneDeliveryPerEvent(null, null, metrics);
    }

    /** The route's {@code deliveryOutcome} when the call is a repeat: {@link #earlierOutcome}. */
    @Override
    public Object evaluate(Exchange exchange) {
        return earlierOutcome(exchange.getProperty("otpRequest", OtpRequest.class),
                exchange.getProperty("deadline", CallDeadline.class), exchange);
    }

    /**
     * Claims this call's eventId. Null when this call is the first with it (the claim is kept in the exchange
     * property {@value #CLAIM}); otherwise the first call's outcome, marked as a repeat.
     *
     * <p>This instance's memory is asked first, so a repeat here is answered from it whatever Redis does; then the
     * shared Redis, for a first call made on another instance. A claim in Redis that does not answer in time may
     * still land later: this call's outcome is then written over it ({@link #remember}), so no stalled command leaves
     * the eventId pending for its repeats.
     */
    public DeliveryOutcome earlierOutcome(@ExchangeProperty("otpRequest") OtpRequest request,
                                          @ExchangeProperty("deadline") CallDeadline deadline, Exchange exchange) {
        String eventId = request.dedupKey(); // the eventId within its org
        if (local == null || eventId == null || EventId.NONE.equals(eventId)) {
            return null; // off, or nothing to tell repeats apart by
        }
        Duration maxWait = deadline.remaining().minus(ANSWER_MARGIN);
        EventLedger.Earlier here = local.claim(eventId, maxWait);
        if (here != null) {
            return repeat(here);
        }
        if (shared == null) {
            exchange.setProperty(CLAIM, new Claim(List.of(local), eventId));
            return null;
        }
        EventLedger.Earlier elsewhere;
        try {
            elsewhere = shared.claim(eventId, maxWait);
            outage.answered();
        } catch (RedisUnavailableException unavailable) {
            outage.unavailable(unavailable.getMessage());
            exchange.setProperty(CLAIM, new Claim(List.of(local, shared), eventId));
            return null;
        }
        if (elsewhere == null) {
            exchange.setProperty(CLAIM, new Claim(List.of(local, shared), eventId));
            return null;
        }
        // a first call on another instance: this repeat's answer is kept here too, for this instance's repeats
        exchange.setProperty(CLAIM, new Claim(List.of(local), eventId));
        return repeat(elsewhere);
    }

    /** Records the outcome of a call that claimed its eventId, for its repeats; nothing for any other call. */
    public void remember(@ExchangeProperty(CLAIM) Claim claim,
                         @ExchangeProperty("deliveryOutcome") DeliveryOutcome outcome) {
        if (claim == null || outcome == null) {
            return;
        }
        for (EventLedger ledger : claim.ledgers()) {
            try {
                ledger.settle(claim.eventId(), outcome);
            } catch (RuntimeException unexpected) {
                // the answer is made; repeats will wait out their deadline and answer FAILED
                log.warn("Could not record the outcome of eventId={}: {}", claim.eventId(),
                        unexpected.getClass().getName());
            }
        }
    }

    /** The first call's outcome for a repeat; FAILED when the first is still in flight past this one's deadline. */
    private static DeliveryOutcome repeat(EventLedger.Earlier earlier) {
        DeliveryOutcome first = earlier.outcome();
        // FAILED now, so Okta can send the code itself, rather than no answer in time
        return (first == null ? DeliveryOutcome.failed(FailureReason.DEADLINE) : first).asRepeat();
    }

    /**
     * For health: {@code off}, {@code memory}, or the shared Redis and whether it is reached, e.g.
     * {@code redis redis.internal:6379 connected}.
     */
    public String state() {
        if (local == null) {
            return "off";
        }
        if (shared instanceof RedisEventLedger ledger) {
            SharedRedis redis = ledger.redis();
            return "redis " + redis.where() + (redis.connected() ? " connected" : " unreachable (this instance's memory)");
        }
        return "memory";
    }

    /** A call's claim on its eventId: the ledgers its outcome is recorded in. */
    public record Claim(List<EventLedger> ledgers, String eventId) {
    }
}
