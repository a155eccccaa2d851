package io.telephonyhook.spring;

import java.io.IOException;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

import io.telephonyhook.config.SettingKeys;
import io.telephonyhook.config.Settings;
import io.telephonyhook.dedup.OneDeliveryPerEvent;
import io.telephonyhook.deliveries.DeliveriesEndpoint;
import io.telephonyhook.deliveries.DeliveryLedger;
import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.observability.HookHealthCheck;
import io.telephonyhook.observability.HookHealthIndicator;
import io.telephonyhook.observability.ObservabilitySteps;
import io.telephonyhook.orgs.OrgDirectory;
import io.telephonyhook.simulator.TwilioSimulator;
import io.telephonyhook.twilio.StatusCallbacks;

/**
 * The hook inside any Camel Spring Boot application, this project's own included: its settings
 * ({@link HookSettingsConfiguration}), the steps of each feature as beans under the names its routes use
 * ({@link HookStepsConfiguration}, {@link HookTwilioConfiguration}, {@link HookLedgersConfiguration},
 * {@link HookOrgsConfiguration}), its routes loaded
 * from {@code hook.routes} whatever the application's own {@code camel.main.routes-include-pattern}, and the guards in
 * front of its path ({@link HookServletGuardsConfiguration}). The hook is served by camel-platform-http on the
 * application's servlet web server (Spring MVC), so an application without one gets nothing; {@code hook.enabled=false}
 * (HOOK_ENABLED) turns it all off. A bean of the application's with the name of one of the hook's steps takes that
 * step's place.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnProperty(name = "hook.enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({PlatformHttpRequired.class, HookSettingsConfiguration.class, HookStepsConfiguration.class,
        HookTwilioConfiguration.class, HookTwilioOutcomesConfiguration.class, HookLedgersConfiguration.class,
        HookOrgsConfiguration.class,
        HookServletGuardsConfiguration.class, HookPathObservations.class})
public class TelephonyHookAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TelephonyHookAutoConfiguration.class);

    /** The Twilio simulator the hook sends through in demo mode (no {@code TWILIO_ACCOUNT_SID}); none in live mode. */
    @Bean
    DemoSimulator telephonyHookDemoSimulator(Settings settings) throws IOException {
        return DemoSimulator.of(settings);
    }

    /** The hook's Camel health check: in Camel's own health (camel.health.*) and, as telephonyHook, the actuator's. */
    @Bean
    HookHealthCheck telephonyHookHealthCheck(Settings settings, OneDeliveryPerEvent dedup) {
        return ObservabilitySteps.healthCheck(settings, dedup);
    }

    @Bean
    CamelContextConfiguration telephonyHookRoutes(Settings settings, HookHealthCheck health, CallMetrics metrics,
                                                  OrgDirectory orgs) {
        return new HookRoutesInstaller(settings, health, metrics.registry(), orgs);
    }

    /**
     * Demo mode without {@code HOOK_PUBLIC_URL}: the simulator reports delivery statuses to the hook's own port, so
     * the demo shows a code delivered with no setting at all.
     */
    @EventListener(WebServerInitializedEvent.class)
    void demoStatusReportsToThisServer(WebServerInitializedEvent initialized) {
        boolean mainServer = initialized.getApplicationContext().getServerNamespace() == null; // not management's
        ApplicationContext context = initialized.getApplicationContext();
        // a main server that does not listen (-1): Okta's port is elsewhere (the standalone's HTTP_SERVER=vertx)
        if (mainServer && initialized.getWebServer().getPort() > 0 && context.getBean(DemoSimulator.class).running()) {
            context.getBean(StatusCallbacks.class).useLoopback(initialized.getWebServer().getPort());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void announceDemoMode(ApplicationReadyEvent ready) {
        if (ready.getApplicationContext().getBean(DemoSimulator.class).running()) {
            log.warn(TwilioSimulator.DEMO_BANNER);
        }
    }

    /**
     * {@code telephonyHook} in {@code /actuator/health}, and the {@code deliveries} endpoint (exposed where the
     * application exposes it: {@code management.endpoints.web.exposure.include}), when the application has Spring
     * Boot's actuator.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "telephonyHookHealthIndicator")
        HookHealthIndicator telephonyHookHealthIndicator(HookHealthCheck check) {
            return new HookHealthIndicator(check);
        }

        @Bean
        @ConditionalOnMissingBean
        DeliveriesEndpoint telephonyHookDeliveriesEndpoint(DeliveryLedger ledger) {
            return new DeliveriesEndpoint(ledger);
        }

        /**
         * The hook's secrets masked wherever the actuator shows values ({@code /actuator/configprops},
         * {@code /actuator/env}), whatever the application's {@code show-values}.
         */
        @Bean
        SanitizingFunction telephonyHookSecretsMasked() {
            return data -> SettingKeys.isSecret(data.getKey()) ? data.withValue(SanitizableData.SANITIZED_VALUE) : data;
        }
    }
}
