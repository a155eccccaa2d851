package io.telephonyhook.spring;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;

import io.telephonyhook.config.BreakerSettings;
import io.telephonyhook.config.DedupSettings;
import io.telephonyhook.config.DemoSettings;
import io.telephonyhook.config.DeliverySettings;
import io.telephonyhook.config.HookSettings;
import io.telephonyhook.config.OAuthSettings;
import io.telephonyhook.config.OktaAuthSettings;
import io.telephonyhook.config.OrgsSettings;
import io.telephonyhook.config.PumpingSettings;
import io.telephonyhook.config.RateLimitSettings;
import io.telephonyhook.config.Settings;
import io.telephonyhook.config.TwilioFailoverSettings;
import io.telephonyhook.config.TwilioSettings;
import io.telephonyhook.config.UnknownSettings;

/**
 * The hook's settings, bound by Spring Boot ({@code @ConfigurationProperties}: relaxed names, environment variables,
 * {@code /actuator/configprops}, and the metadata IDEs complete from), then checked as one {@link Settings} tree: the
 * constraints, the rules across settings, and no key under the hook's prefixes that is not one of its settings.
 */
@Configuration(proxyBeanMethods = false)
class HookSettingsConfiguration {

    @Bean
    @ConfigurationProperties(HookSettings.PREFIX)
    HookSettings telephonyHookSettings() {
        return new HookSettings();
    }

    @Bean
    @ConfigurationProperties(OktaAuthSettings.PREFIX)
    OktaAuthSettings telephonyHookAuthSettings() {
        return new OktaAuthSettings();
    }

    @Bean
    @ConfigurationProperties(OAuthSettings.PREFIX)
    OAuthSettings telephonyHookOAuthSettings() {
        return new OAuthSettings();
    }

    @Bean
    @ConfigurationProperties(TwilioSettings.PREFIX)
    TwilioSettings telephonyHookTwilioSettings() {
        return new TwilioSettings();
    }

    @Bean
    @ConfigurationProperties(TwilioFailoverSettings.PREFIX)
    TwilioFailoverSettings telephonyHookTwilioFailoverSettings() {
        return new TwilioFailoverSettings();
    }

    @Bean
    @ConfigurationProperties(DemoSettings.PREFIX)
    DemoSettings telephonyHookDemoSettings() {
        return new DemoSettings();
    }

    @Bean
    @ConfigurationProperties(DedupSettings.PREFIX)
    DedupSettings telephonyHookDedupSettings() {
        return new DedupSettings();
    }

    @Bean
    @ConfigurationProperties(PumpingSettings.PREFIX)
    PumpingSettings telephonyHookPumpingSettings() {
        return new PumpingSettings();
    }

    @Bean
    @ConfigurationProperties(RateLimitSettings.PREFIX)
    RateLimitSettings telephonyHookRateLimitSettings() {
        return new RateLimitSettings();
    }

    @Bean
    @ConfigurationProperties(DeliverySettings.PREFIX)
    DeliverySettings telephonyHookDeliverySettings() {
        return new DeliverySettings();
    }

    @Bean
    @ConfigurationProperties(BreakerSettings.PREFIX)
    BreakerSettings telephonyHookBreakerSettings() {
        return new BreakerSettings();
    }

    @Bean
    @ConfigurationProperties(OrgsSettings.PREFIX)
    OrgsSettings telephonyHookOrgsSettings() {
        return new OrgsSettings();
    }

    /** All of them, checked: what every feature's steps are made from. */
    @Bean
    Settings telephonyHookAllSettings(HookSettings hook, OktaAuthSettings auth, OAuthSettings oauth,
                                      TwilioSettings twilio, TwilioFailoverSettings failover, DedupSettings dedup,
                                      PumpingSettings pumping, RateLimitSettings rateLimits,
                                      DeliverySettings deliveries, BreakerSettings breaker, DemoSettings demo,
                                      OrgsSettings orgs, Environment environment, ObjectProvider<TwilioKeysAreTheHooks> standalone) {
        UnknownSettings.refuse(names(environment), standalone.getIfAvailable() != null);
        return new Settings(hook, auth, oauth, twilio, failover, dedup, pumping, rateLimits, deliveries, breaker,
                demo, orgs).check();
    }

    /** Every property name the application has, environment variables included, as its sources list them. */
    private static List<String> names(Environment environment) {
        List<String> names = new ArrayList<>();
        if (environment instanceof ConfigurableEnvironment configurable) {
            configurable.getPropertySources().forEach(source -> {
                if (source instanceof EnumerablePropertySource<?> enumerable) {
                    names.addAll(List.of(enumerable.getPropertyNames()));
                }
            });
        }
        return names;
    }
}
