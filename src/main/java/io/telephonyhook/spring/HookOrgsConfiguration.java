package io.telephonyhook.spring;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.telephonyhook.auth.AuthenticationSteps;
import io.telephonyhook.config.Settings;
import io.telephonyhook.delivery.CallFlowSteps;
import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.observability.TwilioMetrics;
import io.telephonyhook.orgs.OrgDirectory;
import io.telephonyhook.orgs.OrgSteps;
import io.telephonyhook.pumping.PumpingSteps;
import io.telephonyhook.redis.SharedRedis;
import io.telephonyhook.twilio.TwilioConnections;
import io.telephonyhook.twilio.TwilioStatusReports;
import io.telephonyhook.twilio.TwilioSteps;

/**
 * The orgs ({@link OrgSteps}): the route bean that picks each call's org, and the route beans whose work is each org's
 * own (credentials, channels, rate limits, Twilio accounts with their senders), each unless the application has a bean
 * of that name. Without {@code HOOK_ORGS_FILE} there is one org, made of the hook's settings.
 */
@Configuration(proxyBeanMethods = false)
class HookOrgsConfiguration {

    @Bean(name = OrgSteps.HOOK_ORGS, destroyMethod = "close")
    OrgDirectory hookOrgs(Settings settings, CallMetrics metrics, TwilioMetrics twilioMetrics,
                          ObjectProvider<SharedRedis> redis, TwilioConnections connections,
                          ObjectProvider<TwilioStatusReports> reports) {
        return OrgSteps.directory(settings, metrics, twilioMetrics, redis.getIfAvailable(), connections,
                reports.getIfAvailable());
    }

    @Bean(AuthenticationSteps.HOOK_AUTHENTICATOR)
    @ConditionalOnMissingBean(name = AuthenticationSteps.HOOK_AUTHENTICATOR)
    OrgSteps.Authentication hookAuthenticator(OrgDirectory orgs) {
        return new OrgSteps.Authentication(orgs);
    }

    @Bean(CallFlowSteps.DELIVERABILITY_CHECK)
    @ConditionalOnMissingBean(name = CallFlowSteps.DELIVERABILITY_CHECK)
    OrgSteps.Deliverability deliverabilityCheck(OrgDirectory orgs) {
        return new OrgSteps.Deliverability(orgs);
    }

    @Bean(PumpingSteps.PUMPING_GUARD)
    @ConditionalOnMissingBean(name = PumpingSteps.PUMPING_GUARD)
    OrgSteps.Pumping pumpingGuard(OrgDirectory orgs) {
        return new OrgSteps.Pumping(orgs);
    }

    @Bean(TwilioSteps.TWILIO_CLIENTS)
    @ConditionalOnMissingBean(name = TwilioSteps.TWILIO_CLIENTS)
    OrgSteps.Clients twilioClients(OrgDirectory orgs) {
        return new OrgSteps.Clients(orgs, false);
    }

    @Bean(TwilioSteps.FAILOVER_CLIENTS)
    @ConditionalOnMissingBean(name = TwilioSteps.FAILOVER_CLIENTS)
    OrgSteps.Clients twilioFailoverClients(OrgDirectory orgs) {
        return new OrgSteps.Clients(orgs, true);
    }

    @Bean(TwilioSteps.PRIMARY_ACCOUNT)
    @ConditionalOnMissingBean(name = TwilioSteps.PRIMARY_ACCOUNT)
    OrgSteps.AccountName twilioPrimaryAccount(OrgDirectory orgs) {
        return new OrgSteps.AccountName(orgs, false);
    }

    @Bean(TwilioSteps.FAILOVER_ACCOUNT)
    @ConditionalOnMissingBean(name = TwilioSteps.FAILOVER_ACCOUNT)
    OrgSteps.AccountName twilioFailoverAccount(OrgDirectory orgs) {
        return new OrgSteps.AccountName(orgs, true);
    }

    @Bean(TwilioSteps.SMS_COMPOSER)
    @ConditionalOnMissingBean(name = TwilioSteps.SMS_COMPOSER)
    OrgSteps.Composer twilioSmsComposer(OrgDirectory orgs) {
        return new OrgSteps.Composer(orgs, true, false);
    }

    @Bean(TwilioSteps.CALL_COMPOSER)
    @ConditionalOnMissingBean(name = TwilioSteps.CALL_COMPOSER)
    OrgSteps.Composer twilioCallComposer(OrgDirectory orgs) {
        return new OrgSteps.Composer(orgs, false, false);
    }

    @Bean(TwilioSteps.FAILOVER_SMS_COMPOSER)
    @ConditionalOnMissingBean(name = TwilioSteps.FAILOVER_SMS_COMPOSER)
    OrgSteps.Composer twilioFailoverSmsComposer(OrgDirectory orgs) {
        return new OrgSteps.Composer(orgs, true, true);
    }

    @Bean(TwilioSteps.FAILOVER_CALL_COMPOSER)
    @ConditionalOnMissingBean(name = TwilioSteps.FAILOVER_CALL_COMPOSER)
    OrgSteps.Composer twilioFailoverCallComposer(OrgDirectory orgs) {
        return new OrgSteps.Composer(orgs, false, true);
    }

    @Bean(TwilioSteps.FAILOVER)
    @ConditionalOnMissingBean(name = TwilioSteps.FAILOVER)
    OrgSteps.Failover twilioFailover(OrgDirectory orgs) {
        return new OrgSteps.Failover(orgs);
    }
}
