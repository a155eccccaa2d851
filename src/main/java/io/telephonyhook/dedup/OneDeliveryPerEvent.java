package io.telephonyhook.dedup;

import java.time.Duration;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.telephonyhook.delivery.CallDeadline;
import io.telephonyhook.delivery.DeliveryOutcome;
import io.telephonyhook.delivery.FailureReason;
import io.telephonyhook.observability.CallMetrics;
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
 * <p>With {@code HOOK_DEDUP_REDIS_URL} the eventIds are shared by every instance; when Redis does not answer, the
 * call goes on with this instance's memory (fail open: a code is sent rather than refused), counted in
 * {@code telephony_hook_redis_unavailable_total{use="dedup"}} and logged once per outage.
 */
public class OneDeliveryPerEvent {

    /** The exchange property holding this call's claim, for {@link #remember}. */
    public static final String CLAIM = "eventClaim";
    /** What a repeat keeps of its deadline to answer Okta after waiting. */
    static final Duration ANSWER_MARGIN = Duration.ofMillis(100);
    private static final String NO_EVENT_ID = "-";

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

    /**
     * Claims this call's eventId. Null when this call is the first with it (the claim is kept in the exchange
     * property {@value #CLAIM}); otherwise the first call's outcome, marked as a repeat.
     */
    public DeliveryOutcome earlierOutcome(@ExchangeProperty("otpRequest") OtpRequest request,
                                          @ExchangeProperty("deadline") CallDeadline deadline, Exchange exchange) {
        String eventId = request.eventId();
        if (local == null || eventId == null || NO_EVENT_ID.equals(eventId)) {
            return null; // off, or nothing to tell repeats apart by
        }
        Duration maxWait = deadline.remaining().minus(ANSWER_MARGIN);
        EventLedger ledger = shared != null ? shared : local;
        EventLedger.Earlier earlier;
        try {
            earlier = ledger.claim(eventId, maxWait);
            if (ledger == shared) {
                outage.answered();
            }
        } catch (RedisUnavailableException unavailable) {
            outage.unavailable(unavailable.getMessage());
            ledger = local;
            earlier = local.claim(eventId, maxWait);
        }
        if (earlier == null) {
            exchange.setProperty(CLAIM, new Claim(ledger, eventId));
            return null;
        }
        DeliveryOutcome first = earlier.outcome();
        // The first call is still in flight past this one's deadline: FAILED now, so Okta can send the code itself.
        return (first == null ? DeliveryOutcome.failed(FailureReason.DEADLINE) : first).asRepeat();
    }

    /** Records the outcome of a call that claimed its eventId, for its repeats; nothing for any other call. */
    public void remember(@ExchangeProperty(CLAIM) Claim claim,
                         @ExchangeProperty("deliveryOutcome") DeliveryOutcome outcome) {
        if (claim == null || outcome == null) {
            return;
        }
        try {
            claim.ledger().settle(claim.eventId(), outcome);
        } catch (RuntimeException unexpected) {
            // the answer is made; repeats will wait out their deadline and answer FAILED
            log.warn("Could not record the outcome of eventId={}: {}", claim.eventId(), unexpected.getClass().getName());
        }
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

    /** A call's claim on its eventId, in the ledger that granted it. */
    public record Claim(EventLedger ledger, String eventId) {
    }
}
