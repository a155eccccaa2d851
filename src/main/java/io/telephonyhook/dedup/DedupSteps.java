package io.telephonyhook.dedup;

import io.telephonyhook.config.DedupSettings;
import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.redis.SharedRedis;

/** One delivery per Okta eventId: the route bean {@value #ONE_DELIVERY_PER_EVENT}. */
public final class DedupSteps {

    public static final String ONE_DELIVERY_PER_EVENT = "oneDeliveryPerEvent";

    private DedupSteps() {
    }

    /** @param redis the Redis the instances share, or null for this instance's memory only */
    public static OneDeliveryPerEvent oneDeliveryPerEvent(DedupSettings settings, SharedRedis redis, CallMetrics metrics) {
        if (!settings.enabled()) {
            return OneDeliveryPerEvent.off(metrics);
        }
        EventLedger shared = redis == null ? null : new RedisEventLedger(redis, settings.getTtl());
        return new OneDeliveryPerEvent(new InMemoryEventLedger(settings.getTtl(), settings.getMaxEvents()), shared,
                metrics);
    }
}
