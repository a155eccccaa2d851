package io.telephonyhook.deliveries;

import java.time.Clock;
import java.util.Locale;

import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.telephonyhook.delivery.DeliveryOutcome;
import io.telephonyhook.okta.Channel;
import io.telephonyhook.okta.EventId;
import io.telephonyhook.okta.OtpRequest;

/**
 * The delivery routes' step after Twilio accepted a message or call ({@code deliveryRecorder}): the delivery's first
 * record in the {@link DeliveryLedger}, with the SID, the channel, the masked number, its country, Okta's eventId and
 * request type, and the status Twilio answered. Nothing for a call that was not delivered or has no SID (Twilio's
 * answer was unreadable). Costs a map entry and, with Redis, one command not waited for; never throws, so it can never
 * turn a code Twilio accepted into a FAILED.
 */
public class DeliveryRecorder {

    /** {@link OtpRequest#eventId()} when Okta sent none: recorded as no eventId, not as one all such calls share. */
    private static final Logger log = LoggerFactory.getLogger(DeliveryRecorder.class);

    private final DeliveryLedger ledger;
    private final Clock clock;

    public DeliveryRecorder(DeliveryLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    public void accepted(@ExchangeProperty("otpRequest") OtpRequest request,
                         @ExchangeProperty("deliveryOutcome") DeliveryOutcome outcome) {
        try {
            if (request == null || outcome == null || !outcome.delivered() || outcome.repeated()
                    || outcome.transactionId() == null) {
                return;
            }
            String eventId = EventId.NONE.equals(request.eventId()) ? null : request.eventId();
            ledger.sent(DeliveryRecord.sent(outcome.transactionId(), eventId, channel(request.channel()),
                    request.maskedNumber(), request.destination() == null ? "unknown" : request.destination().regionCode(),
                    request.requestType(), clock.instant(), outcome.providerStatus(),
                    outcome.account() == null ? "primary" : outcome.account(), request.org()));
        } catch (RuntimeException unexpected) {
            log.warn("Could not record the delivery: {}", unexpected.getClass().getName());
        }
    }

    private static String channel(Channel channel) {
        return channel == Channel.VOICE ? DeliveryStatuses.VOICE : channel.name().toLowerCase(Locale.ROOT);
    }
}
