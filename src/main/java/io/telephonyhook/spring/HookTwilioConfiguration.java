package io.telephonyhook.spring;

import com.twilio.http.TwilioRestClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.telephonyhook.config.Settings;
import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.observability.ObservabilitySteps;
import io.telephonyhook.observability.TwilioMetrics;
import io.telephonyhook.simulator.TwilioSimulator;
import io.telephonyhook.twilio.SmsComposer;
import io.telephonyhook.twilio.TwilioAccount;
import io.telephonyhook.twilio.TwilioClients;
import io.telephonyhook.twilio.TwilioConnections;
import io.telephonyhook.twilio.TwilioSenders;
import io.telephonyhook.twilio.TwilioSteps;
import io.telephonyhook.twilio.VoiceCallComposer;
import io.telephonyhook.wording.WordingByLocale;

/**
 * Sending through Twilio ({@link TwilioSteps}): the accounts (in demo mode the simulator's), their connections,
 * senders and wording, and the route beans that send through each account in {@code routes/twilio-delivery.camel.yaml},
 * each unless the application has a bean of that name. What Twilio's answers mean is
 * {@link HookTwilioOutcomesConfiguration}'s.
 */
@Configuration(proxyBeanMethods = false)
class HookTwilioConfiguration {

    /** The primary account. */
    @Bean
    TwilioAccount telephonyHookTwilioAccount(Settings settings, ObjectProvider<TwilioSimulator> simulator) {
        return TwilioSteps.account(settings, simulator::getObject);
    }

    @Bean
    TwilioMetrics telephonyHookTwilioMetrics(CallMetrics metrics) {
        return ObservabilitySteps.twilioMetrics(metrics.registry());
    }

    /** A connection pool and clients per account: the primary's, and the failover's when there is one. */
    @Bean(destroyMethod = "close")
    TwilioConnections telephonyHookTwilioConnections(Settings settings, TwilioAccount primary,
                                                     ObjectProvider<TwilioSimulator> simulator, TwilioMetrics metrics) {
        return TwilioSteps.connections(settings, primary, TwilioSteps.failoverAccount(settings, simulator::getObject),
                metrics);
    }

    @Bean
    TwilioSenders telephonyHookTwilioSenders(Settings settings) {
        return TwilioSteps.senders(settings);
    }

    @Bean
    WordingByLocale telephonyHookWording(Settings settings) {
        return TwilioSteps.wording(settings);
    }

    @Bean(TwilioSteps.TWILIO_CLIENTS)
    @ConditionalOnMissingBean(name = TwilioSteps.TWILIO_CLIENTS)
    TwilioClients twilioClients(TwilioConnections connections) {
        return connections.primary();
    }

    @Bean(TwilioSteps.FAILOVER_CLIENTS)
    @ConditionalOnMissingBean(name = TwilioSteps.FAILOVER_CLIENTS)
    TwilioClients twilioFailoverClients(TwilioConnections connections) {
        return connections.failover();
    }

    /** camel-twilio's component takes the single TwilioRestClient bean; an application's own client wins. */
    @Bean
    @ConditionalOnMissingBean
    TwilioRestClient telephonyHookTwilioRestClient(Settings settings, TwilioConnections connections) {
        return TwilioSteps.componentClient(settings, connections.primary());
    }

    @Bean(TwilioSteps.SMS_COMPOSER)
    @ConditionalOnMissingBean(name = TwilioSteps.SMS_COMPOSER)
    SmsComposer twilioSmsComposer(Settings settings, TwilioSenders senders, WordingByLocale wording) {
        return TwilioSteps.smsComposer(settings, senders, wording);
    }

    @Bean(TwilioSteps.CALL_COMPOSER)
    @ConditionalOnMissingBean(name = TwilioSteps.CALL_COMPOSER)
    VoiceCallComposer twilioCallComposer(Settings settings, TwilioSenders senders, WordingByLocale wording) {
        return TwilioSteps.callComposer(settings, senders, wording);
    }

    @Bean(TwilioSteps.FAILOVER_SMS_COMPOSER)
    @ConditionalOnMissingBean(name = TwilioSteps.FAILOVER_SMS_COMPOSER)
    SmsComposer twilioFailoverSmsComposer(Settings settings, TwilioSenders senders, WordingByLocale wording) {
        return TwilioSteps.smsComposer(settings, TwilioSteps.failoverSenders(settings, senders), wording);
    }

    @Bean(TwilioSteps.FAILOVER_CALL_COMPOSER)
    @ConditionalOnMissingBean(name = TwilioSteps.FAILOVER_CALL_COMPOSER)
    VoiceCallComposer twilioFailoverCallComposer(Settings settings, TwilioSenders senders, WordingByLocale wording) {
        return TwilioSteps.callComposer(settings, TwilioSteps.failoverSenders(settings, senders), wording);
    }
}
