package io.telephonyhook.spring;

import com.twilio.http.TwilioRestClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.telephonyhook.config.Settings;
import io.telephonyhook.delivery.CallFlowSteps;
import io.telephonyhook.delivery.DeliverabilityCheck;
import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.simulator.TwilioSimulator;
import io.telephonyhook.twilio.HookRanOutOfTime;
import io.telephonyhook.twilio.SmsComposer;
import io.telephonyhook.twilio.StatusCallbacks;
import io.telephonyhook.twilio.TwilioAccount;
import io.telephonyhook.twilio.TwilioClients;
import io.telephonyhook.twilio.TwilioOutcomes;
import io.telephonyhook.twilio.TwilioRejection;
import io.telephonyhook.twilio.TwilioSenders;
import io.telephonyhook.twilio.TwilioStatusReports;
import io.telephonyhook.twilio.TwilioSteps;
import io.telephonyhook.twilio.TwilioTransport;
import io.telephonyhook.twilio.VoiceCallComposer;
import io.telephonyhook.wording.WordingByLocale;

/**
 * Delivery through Twilio ({@link TwilioSteps}): the account (in demo mode the simulator's), the senders and wording,
 * the one transport, and the route beans of {@code routes/twilio-delivery.camel.yaml} and
 * {@code twilio-status.camel.yaml}, each unless the application has a bean of that name.
 */
@Configuration(proxyBeanMethods = false)
class HookTwilioConfiguration {

    @Bean
    TwilioAccount telephonyHookTwilioAccount(Settings settings, ObjectProvider<TwilioSimulator> simulator) {
        return TwilioSteps.account(settings, () -> simulator.getObject().account());
    }

    @Bean
    TwilioSenders telephonyHookTwilioSenders(Settings settings) {
        return TwilioSteps.senders(settings);
    }

    @Bean
    WordingByLocale telephonyHookWording(Settings settings) {
        return TwilioSteps.wording(settings);
    }

    @Bean(destroyMethod = "close")
    TwilioTransport telephonyHookTwilioTransport(Settings settings, TwilioAccount account) {
        return TwilioSteps.transport(settings, account);
    }

    @Bean(TwilioSteps.TWILIO_CLIENTS)
    @ConditionalOnMissingBean(name = TwilioSteps.TWILIO_CLIENTS)
    TwilioClients twilioClients(TwilioAccount account, TwilioTransport transport, CallMetrics metrics) {
        return TwilioSteps.clients(account, transport, metrics);
    }

    /** camel-twilio's component takes the single TwilioRestClient bean; an application's own client wins. */
    @Bean
    @ConditionalOnMissingBean
    TwilioRestClient telephonyHookTwilioRestClient(Settings settings, TwilioClients clients) {
        return TwilioSteps.componentClient(settings, clients);
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

    @Bean(CallFlowSteps.DELIVERABILITY_CHECK)
    @ConditionalOnMissingBean(name = CallFlowSteps.DELIVERABILITY_CHECK)
    DeliverabilityCheck deliverabilityCheck(TwilioSenders senders) {
        return CallFlowSteps.deliverabilityCheck(senders.configuredChannels());
    }

    @Bean(TwilioSteps.REJECTION)
    @ConditionalOnMissingBean(name = TwilioSteps.REJECTION)
    TwilioRejection twilioRejection() {
        return new TwilioRejection();
    }

    @Bean(TwilioSteps.OUT_OF_TIME)
    @ConditionalOnMissingBean(name = TwilioSteps.OUT_OF_TIME)
    HookRanOutOfTime hookRanOutOfTime() {
        return new HookRanOutOfTime();
    }

    @Bean(TwilioSteps.OUTCOMES)
    @ConditionalOnMissingBean(name = TwilioSteps.OUTCOMES)
    TwilioOutcomes twilioOutcomes() {
        return new TwilioOutcomes();
    }

    @Bean(TwilioSteps.STATUS_CALLBACKS)
    @ConditionalOnMissingBean(name = TwilioSteps.STATUS_CALLBACKS)
    StatusCallbacks twilioStatusCallbacks(Settings settings) {
        return TwilioSteps.statusCallbacks(settings);
    }

    @Bean(TwilioSteps.STATUS_REPORTS)
    @ConditionalOnMissingBean(name = TwilioSteps.STATUS_REPORTS)
    TwilioStatusReports twilioStatusReports(StatusCallbacks callbacks, TwilioAccount account) {
        return TwilioSteps.statusReports(callbacks, account);
    }
}
