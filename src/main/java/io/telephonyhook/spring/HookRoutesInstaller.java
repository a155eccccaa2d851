package io.telephonyhook.spring;

import java.util.Collection;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.PluginHelper;

import io.telephonyhook.config.CamelLine;
import io.telephonyhook.config.HookProperties;
import io.telephonyhook.config.InvalidSettingsException;
import io.telephonyhook.config.Settings;
import io.telephonyhook.observability.BreakerMeters;
import io.telephonyhook.observability.HookHealthCheck;
import io.telephonyhook.orgs.OrgDirectory;
import io.telephonyhook.twilio.CachedSettersTwilioComponent;
import io.telephonyhook.twilio.TwilioRequestsOnTheCallingThread;

/**
 * Before Camel starts: loads the hook's routes from {@code hook.routes}, so an application gets the hook without
 * touching its own {@code camel.main.routes-include-pattern} (its steps are Spring beans, which Camel's registry finds
 * by name), hands Camel the settings for the routes' placeholders, registers the hook's health check, and makes
 * camel-twilio's requests on the calling thread and its setters looked up once per class, and adds the routes of the
 * orgs' own Twilio accounts; once the routes have started, binds the breakers' meters.
 */
class HookRoutesInstaller implements CamelContextConfiguration {

    private final Settings settings;
    private final HookHealthCheck health;
    private final MeterRegistry meters;
    private final OrgDirectory orgs;

    HookRoutesInstaller(Settings settings, HookHealthCheck health, MeterRegistry meters, OrgDirectory orgs) {
        this.settings = settings;
        this.health = health;
        this.meters = meters;
        this.orgs = orgs;
    }

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        CamelLine.check(camel);
        String routes = settings.hook().getRoutes();
        HookProperties.addTo(camel, settings);
        health.registerWith(camel);
        TwilioRequestsOnTheCallingThread.install(camel);
        CachedSettersTwilioComponent.install(camel); // before the routes, which make the twilio: endpoints
        try {
            Collection<Resource> files = RouteFiles.find(camel, routes);
            if (files.isEmpty()) {
                throw new InvalidSettingsException("HOOK_ROUTES (" + routes + ") names no route files.");
            }
            PluginHelper.getRoutesLoader(camel).loadRoutes(files);
            orgs.installRoutes(camel, meters); // the orgs' own Twilio accounts, from the routes' template
        } catch (InvalidSettingsException noRoutes) {
            throw noRoutes;
        } catch (Exception unreadable) {
            throw new IllegalStateException("Could not load the hook's routes from " + routes, unreadable);
        }
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        BreakerMeters.bind(camel, meters); // the routes have started, and with them the breakers
    }
}
