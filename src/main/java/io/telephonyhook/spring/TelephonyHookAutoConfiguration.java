package io.telephonyhook.spring;

import java.io.IOException;
import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.http.TwilioRestClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

import io.telephonyhook.TelephonyHook;
import io.telephonyhook.config.DedupSettings;
import io.telephonyhook.config.DeliverySettings;
import io.telephonyhook.config.HookSettings;
import io.telephonyhook.config.PumpingSettings;
import io.telephonyhook.config.SendersAndWordingFiles;
import io.telephonyhook.config.SettingsSource;
import io.telephonyhook.config.TwilioSettings;
import io.telephonyhook.deliveries.DeliveriesEndpoint;
import io.telephonyhook.observability.HookHealthIndicator;
import io.telephonyhook.simulator.TwilioSimulator;

/**
 * The hook inside any Camel Spring Boot application, this project's own included: the hook's steps bound in Camel's
 * registry under the names its routes use, its routes loaded from {@code hook.routes} (whatever the application's own
 * {@code camel.main.routes-include-pattern}), and the guards in front of its path ({@link HookServletGuardsConfiguration}).
 * The hook is served by camel-platform-http on the application's servlet web server (Spring MVC), so an application
 * without one gets nothing; {@code hook.enabled=false} (HOOK_ENABLED) turns it all off.
 *
 * <p>Settings are read with the keys and environment variables of the README's table, from the application's own
 * {@code Environment}. A bean of the application's with the name of one of the hook's steps takes that step's place.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnProperty(name = "hook.enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(HookServletGuardsConfiguration.class)
public class TelephonyHookAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TelephonyHookAutoConfiguration.class);

    /** Demo mode only (no {@code TWILIO_ACCOUNT_SID}): the Twilio simulator the hook sends through. */
    @Bean(destroyMethod = "stop")
    @Conditional(DemoModeCondition.class)
    @ConditionalOnMissingBean
    TwilioSimulator telephonyHookTwilioSimulator() throws IOException {
        TwilioSimulator simulator = new TwilioSimulator(new ObjectMapper(), Clock.systemUTC());
        simulator.start();
        return simulator;
    }

    @Bean
    @ConditionalOnMissingBean
    TelephonyHook telephonyHook(Environment environment, ObjectProvider<MeterRegistry> meterRegistry,
                                ObjectProvider<TwilioSimulator> simulator) {
        SettingsSource settings = new SettingsSource(environment::getProperty);
        return new TelephonyHook(HookSettings.from(settings), TwilioSettings.from(settings), DedupSettings.from(settings),
                PumpingSettings.from(settings), DeliverySettings.from(settings), SendersAndWordingFiles.from(settings),
                meterRegistry.getIfAvailable(SimpleMeterRegistry::new), new PlatformHttpArrival(),
                () -> simulator.getObject().account());
    }

    /** camel-twilio's component takes the single TwilioRestClient bean; an application's own client wins. */
    @Bean
    @ConditionalOnMissingBean
    TwilioRestClient telephonyHookTwilioRestClient(TelephonyHook hook) {
        return hook.componentClient();
    }

    @Bean
    CamelContextConfiguration telephonyHookRoutes(TelephonyHook hook, Environment environment) {
        return new HookRoutesInstaller(hook, environment.getProperty("hook.routes", HookRoutesInstaller.SHIPPED_ROUTES));
    }

    /**
     * Demo mode without {@code HOOK_PUBLIC_URL}: the simulator reports delivery statuses to the hook's own port, so
     * the demo shows a code delivered with no setting at all.
     */
    @EventListener(WebServerInitializedEvent.class)
    void demoStatusReportsToThisServer(WebServerInitializedEvent initialized) {
        boolean mainServer = initialized.getApplicationContext().getServerNamespace() == null; // not management's
        ApplicationContext context = initialized.getApplicationContext();
        if (mainServer && context.getBeanNamesForType(TwilioSimulator.class).length > 0) {
            context.getBean(TelephonyHook.class).statusCallbacks().useLoopback(initialized.getWebServer().getPort());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void announceDemoMode(ApplicationReadyEvent ready) {
        if (ready.getApplicationContext().getBeanNamesForType(TwilioSimulator.class).length > 0) {
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
        HookHealthIndicator telephonyHookHealthIndicator(TelephonyHook hook, CamelContext camel) {
            return new HookHealthIndicator(hook.mode(), hook::deduplication, camel);
        }

        @Bean
        @ConditionalOnMissingBean
        DeliveriesEndpoint telephonyHookDeliveriesEndpoint(TelephonyHook hook) {
            return new DeliveriesEndpoint(hook.deliveries());
        }
    }
}
