package io.telephonyhook.spring;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.telephonyhook.config.Settings;
import io.telephonyhook.dedup.DedupSteps;
import io.telephonyhook.dedup.OneDeliveryPerEvent;
import io.telephonyhook.deliveries.DeliveriesSteps;
import io.telephonyhook.deliveries.DeliveryLedger;
import io.telephonyhook.deliveries.DeliveryRecorder;
import io.telephonyhook.deliveries.DeliveryStatusRecorder;
import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.observability.DeliveryMetrics;
import io.telephonyhook.redis.SharedRedis;

/**
 * What the hook keeps per call and may share between instances through Redis ({@code HOOK_DEDUP_REDIS_URL}): one
 * delivery per eventId ({@link DedupSteps}), and the deliveries and their statuses ({@link DeliveriesSteps}); each
 * route bean unless the application has one of that name. The rate limits, which count in the same Redis, are each
 * org's ({@link HookOrgsConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class HookLedgersConfiguration {

    /** The one connection to the shared Redis, made in the background; none without HOOK_DEDUP_REDIS_URL. */
    @Bean(destroyMethod = "close")
    SharedRedis telephonyHookSharedRedis(Settings settings, CallMetrics metrics) {
        SharedRedis redis = SharedRedis.of(settings.dedup());
        if (redis != null) {
            metrics.watchRedis(redis::reachable);
        }
        return redis;
    }

    @Bean(DedupSteps.ONE_DELIVERY_PER_EVENT)
    @ConditionalOnMissingBean(name = DedupSteps.ONE_DELIVERY_PER_EVENT)
    OneDeliveryPerEvent oneDeliveryPerEvent(Settings settings, ObjectProvider<SharedRedis> redis, CallMetrics metrics) {
        return DedupSteps.oneDeliveryPerEvent(settings.dedup(), redis.getIfAvailable(), metrics);
    }

    @Bean(DeliveriesSteps.DELIVERY_LEDGER)
    @ConditionalOnMissingBean(name = DeliveriesSteps.DELIVERY_LEDGER)
    DeliveryLedger deliveryLedger(Settings settings, ObjectProvider<SharedRedis> redis, CallMetrics metrics,
                                  DeliveryMetrics deliveryMetrics) {
        return DeliveriesSteps.ledger(settings.deliveries(), redis.getIfAvailable(), metrics, deliveryMetrics);
    }

    @Bean(DeliveriesSteps.DELIVERY_RECORDER)
    @ConditionalOnMissingBean(name = DeliveriesSteps.DELIVERY_RECORDER)
    DeliveryRecorder deliveryRecorder(DeliveryLedger ledger) {
        return DeliveriesSteps.recorder(ledger);
    }

    @Bean(DeliveriesSteps.DELIVERY_STATUS_RECORDER)
    @ConditionalOnMissingBean(name = DeliveriesSteps.DELIVERY_STATUS_RECORDER)
    DeliveryStatusRecorder deliveryStatusRecorder(DeliveryLedger ledger) {
        return DeliveriesSteps.statusRecorder(ledger);
    }
}
