package io.telephonyhook.spring;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.telephonyhook.config.Settings;
import io.telephonyhook.twilio.HookRanOutOfTime;
import io.telephonyhook.twilio.StatusCallbacks;
import io.telephonyhook.twilio.TwilioConnections;
import io.telephonyhook.twilio.TwilioOutcomes;
import io.telephonyhook.twilio.TwilioRejection;
import io.telephonyhook.twilio.TwilioStatusReports;
import io.telephonyhook.twilio.TwilioSteps;

/**
 * What Twilio's answers mean ({@link TwilioSteps}): the route beans of {@code routes/twilio-delivery.camel.yaml} that
 * judge an answer (accepted, rejected, out of time) and those of
 * {@code twilio-status.camel.yaml}, each unless the application has a bean of that name.
 */
@Configuration(proxyBeanMethods = false)
class HookTwilioOutcomesConfiguration {

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
    TwilioStatusReports twilioStatusReports(StatusCallbacks callbacks, TwilioConnections connections) {
        return TwilioSteps.statusReports(callbacks, connections.primary().account(), connections.failover().account());
    }
}
