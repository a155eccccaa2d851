package io.telephonyhook.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.telephonyhook.StepExpression;
import io.telephonyhook.config.Settings;
import io.telephonyhook.delivery.CallDeadlines;
import io.telephonyhook.delivery.CallFlowSteps;
import io.telephonyhook.observability.CallLog;
import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.observability.DeliveryMetrics;
import io.telephonyhook.observability.ObservabilitySteps;
import io.telephonyhook.okta.CallOnChannel;
import io.telephonyhook.okta.Channel;
import io.telephonyhook.okta.OktaResponseRenderer;
import io.telephonyhook.okta.OtpRequestReader;
import io.telephonyhook.okta.ReadingSteps;
import io.telephonyhook.okta.RequestBodyLimit;

/**
 * The steps of the call's own flow (observability, reading Okta's request, the deadline), each a bean
 * under the name its route calls it by, unless the application has a bean of that name: the application's step then
 * takes the hook's place.
 */
@Configuration(proxyBeanMethods = false)
class HookStepsConfiguration {

    @Bean(ObservabilitySteps.HOOK_CALL_METRICS)
    @ConditionalOnMissingBean(name = ObservabilitySteps.HOOK_CALL_METRICS)
    CallMetrics hookCallMetrics(ObjectProvider<MeterRegistry> registry, Settings settings) {
        return ObservabilitySteps.callMetrics(registry.getIfAvailable(SimpleMeterRegistry::new),
                settings.orgs().path() != null);
    }

    @Bean
    @ConditionalOnMissingBean
    DeliveryMetrics telephonyHookDeliveryMetrics(ObjectProvider<MeterRegistry> registry) {
        return ObservabilitySteps.deliveryMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean(ObservabilitySteps.HOOK_CALL_LOG)
    @ConditionalOnMissingBean(name = ObservabilitySteps.HOOK_CALL_LOG)
    CallLog hookCallLog() {
        return ObservabilitySteps.callLog();
    }


    @Bean(ReadingSteps.HOOK_BODY_LIMIT)
    @ConditionalOnMissingBean(name = ReadingSteps.HOOK_BODY_LIMIT)
    RequestBodyLimit hookBodyLimit(Settings settings) {
        return ReadingSteps.bodyLimit(settings.hook());
    }

    @Bean(ReadingSteps.OTP_REQUEST_READER)
    @ConditionalOnMissingBean(name = ReadingSteps.OTP_REQUEST_READER)
    OtpRequestReader otpRequestReader(Settings settings) {
        return ReadingSteps.reader(settings.hook());
    }

    @Bean(ReadingSteps.OKTA_RESPONSE_RENDERER)
    @ConditionalOnMissingBean(name = ReadingSteps.OKTA_RESPONSE_RENDERER)
    OktaResponseRenderer oktaResponseRenderer() {
        return ReadingSteps.renderer();
    }

    @Bean(ReadingSteps.SMS_CALL)
    @ConditionalOnMissingBean(name = ReadingSteps.SMS_CALL)
    CallOnChannel smsCall() {
        return ReadingSteps.callOn(Channel.SMS);
    }

    @Bean(ReadingSteps.VOICE_CALL)
    @ConditionalOnMissingBean(name = ReadingSteps.VOICE_CALL)
    CallOnChannel voiceCall() {
        return ReadingSteps.callOn(Channel.VOICE);
    }

    @Bean(ReadingSteps.OKTA_ANSWER_STATUS)
    @ConditionalOnMissingBean(name = ReadingSteps.OKTA_ANSWER_STATUS)
    StepExpression oktaAnswerStatus() {
        return ReadingSteps.answerStatus();
    }

    @Bean(ReadingSteps.OKTA_ANSWER_JSON)
    @ConditionalOnMissingBean(name = ReadingSteps.OKTA_ANSWER_JSON)
    StepExpression oktaAnswerJson(@Qualifier(ReadingSteps.OKTA_RESPONSE_RENDERER) OktaResponseRenderer renderer) {
        return ReadingSteps.answerJson(renderer);
    }

    /** The deadline counts from the arrival a servlet filter noted, before the body was read or a thread was free. */
    @Bean(CallFlowSteps.HOOK_DEADLINES)
    @ConditionalOnMissingBean(name = CallFlowSteps.HOOK_DEADLINES)
    CallDeadlines hookDeadlines(Settings settings) {
        return CallFlowSteps.deadlines(settings.hook(), new PlatformHttpArrival());
    }
}
