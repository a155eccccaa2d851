package io.telephonyhook.deliveries;

import java.time.Clock;

import io.telephonyhook.config.DeliverySettings;
import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.observability.DeliveryMetrics;
import io.telephonyhook.redis.SharedRedis;

/**
 * What became of each code Twilio accepted: the route beans {@value #DELIVERY_LEDGER}, {@value #DELIVERY_RECORDER}
 * and {@value #DELIVERY_STATUS_RECORDER}.
 */
public final class DeliveriesSteps {

    public static final String DELIVERY_LEDGER = "deliveryLedger";
    public static final String DELIVERY_RECORDER = "deliveryRecorder";
    public static final String DELIVERY_STATUS_RECORDER = "deliveryStatusRecorder";

    private DeliveriesSteps() {
    }

    /**
     * In this instance's memory, or in the shared Redis with memory as its fallback; each status recorded is counted.
     *
     * @param redis the Redis the instances share, or null
     */
    public static DeliveryLedger ledger(DeliverySettings settings, SharedRedis redis, CallMetrics metrics,
                                        DeliveryMetrics deliveryMetrics) {
        InMemoryDeliveryLedger memory = new InMemoryDeliveryLedger(settings.getTtl(), settings.getMax());
        return new MeasuredDeliveryLedger(redis == null ? memory
                : new SharedDeliveryLedger(memory, new RedisDeliveryLedger(redis, settings.getTtl()), metrics),
                deliveryMetrics);
    }

    public static DeliveryRecorder recorder(DeliveryLedger ledger) {
        return new DeliveryRecorder(ledger, Clock.systemUTC());
    }

    public static DeliveryStatusRecorder statusRecorder(DeliveryLedger ledger) {
        return new DeliveryStatusRecorder(ledger);
    }
}
