package io.telephonyhook.spring;

import java.util.Collection;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.PluginHelper;

import io.telephonyhook.TelephonyHook;
import io.telephonyhook.config.InvalidSettingsException;
import io.telephonyhook.twilio.TwilioRequestsOnTheCallingThread;

/**
 * Before Camel starts: binds the hook's steps in the registry (unless the application has a bean of that name) and
 * loads the hook's routes from {@code hook.routes}, so an application gets the hook without touching its own
 * {@code camel.main.routes-include-pattern}.
 */
class HookRoutesInstaller implements CamelContextConfiguration {

    /** Where the jar keeps its routes: a folder of its own, so no application's pattern loads them by accident. */
    static final String SHIPPED_ROUTES = "classpath:telephony-hook/routes/*.camel.yaml";

    private final TelephonyHook hook;
    private final String routes;

    HookRoutesInstaller(TelephonyHook hook, String routes) {
        this.hook = hook;
        this.routes = routes;
    }

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        hook.bindRouteBeans(camel.getRegistry());
        TwilioRequestsOnTheCallingThread.install(camel);
        try {
            Collection<Resource> files = PluginHelper.getPackageScanResourceResolver(camel).findResources(routes);
            if (files.isEmpty()) {
                throw new InvalidSettingsException("HOOK_ROUTES (" + routes + ") names no route files.");
            }
            PluginHelper.getRoutesLoader(camel).loadRoutes(files);
        } catch (InvalidSettingsException noRoutes) {
            throw noRoutes;
        } catch (Exception unreadable) {
            throw new IllegalStateException("Could not load the hook's routes from " + routes, unreadable);
        }
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        // nothing: the routes start with the application's other routes
    }
}
