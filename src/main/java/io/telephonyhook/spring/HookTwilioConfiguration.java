package io.telephonyhook.spring;

import com.twilio.http.TwilioRestClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.telephonyhook.config.Settings;
import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.observability.ObservabilitySteps;
import io.telephonyhook.observability.TwilioMetrics;
import io.telephonyhook.twilio.TwilioAccount;
import io.telephonyhook.twilio.TwilioConnections;
import io.telephonyhook.twilio.TwilioSteps;

/**
 * Sending through Twilio ({@link TwilioSteps}): the hook's own accounts (in demo mode the simulator's) and their
 * connections. Each org's senders, wording and clients are its own ({@link HookOrgsConfiguration}); what Twilio's
 * answers mean is {@link HookTwilioOutcomesConfiguration}'s.
 */
@Configuration(proxyBeanMethods = false)
class HookTwilioConfiguration {

    /** The primary account. */
    @Bean
    TwilioAccount telephonyHookTwilioAccount(Settings settings, DemoSimulator demo) {
        return TwilioSteps.account(settings, demo::get);
    }

    @Bean
    TwilioMetrics telephonyHookTwilioMetrics(CallMetrics metrics) {
        return ObservabilitySteps.twilioMetrics(metrics.registry());
    }

    /** A connection pool and clients per account: the primary's, and the failover's when there is one. */
    @Bean(destroyMethod = "close")
    TwilioConnections telephonyHookTwilioConnections(Settings settings, TwilioAccount primary,
                                                     DemoSimulator demo, TwilioMetrics metrics) {
        return TwilioSteps.connections(settings, primary, TwilioSteps.failoverAccount(settings, demo::get),
                metrics);
    }

    /** camel-twilio's component takes the single TwilioRestClient bean; an application's own client wins. */
    @Bean
    @ConditionalOnMissingBean
    TwilioRestClient telephonyHookTwilioRestClient(Settings settings, TwilioConnections connections) {
        return TwilioSteps.componentClient(settings, connections.primary());
    }
}
