package io.telephonyhook.observability;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.telephonyhook.config.HookMode;

/** Metrics, the call log and health: what an operator sees of the hook. */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    @Bean
    CallMetrics callMetrics(MeterRegistry registry) {
        return new CallMetrics(registry);
    }

    @Bean
    CallLog callLog() {
        return new CallLog();
    }

    @Bean
    HookHealthIndicator telephonyHookHealthIndicator(HookMode mode, CamelContext camel) {
        return new HookHealthIndicator(mode, camel);
    }
}
