package io.telephonyhook.camelmain;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.http.TwilioRestClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.telephonyhook.config.CamelLine;
import io.telephonyhook.config.HookMode;
import io.telephonyhook.observability.BreakerMeters;
import io.telephonyhook.config.Settings;
import io.telephonyhook.simulator.TwilioSimulator;
import io.telephonyhook.twilio.CachedSettersTwilioComponent;
import io.telephonyhook.twilio.TwilioRequestsOnTheCallingThread;

/**
 * The hook under plain camel-main, and so under Camel JBang, which runs on it:
 * {@code camel.main.configuration-classes=io.telephonyhook.camelmain.TelephonyHookCamelConfiguration}. It binds the
 * settings ({@link CamelMainSettings}) and the hook's steps, made by each feature's own factory
 * ({@link CamelMainSteps}), in Camel's registry under the names the routes use (unless the registry has a bean of that
 * name), and nothing else: the routes are the host's to name
 * ({@code camel.main.routes-include-pattern=classpath:telephony-hook/routes/*.camel.yaml}, or
 * {@code camel run routes/*.camel.yaml}), as is the HTTP server ({@code camel.server.enabled=true}).
 */
public class TelephonyHookCamelConfiguration implements CamelConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TelephonyHookCamelConfiguration.class);

    @Override
    public void configure(CamelContext camel) throws Exception {
        CamelLine.check(camel);
        HeldLoggers.hold();
        Settings settings = CamelMainSettings.bind(camel);
        DemoSimulator demo = settings.mode() == HookMode.DEMO ? new DemoSimulator() : null;
        if (demo != null) {
            demo.start(); // now: the hook needs its address
            camel.addService(demo, true); // stopped with Camel
            camel.addStartupListener(demo);
        }
        MeterRegistry meters = meterRegistry(camel);
        CamelMainSteps steps;
        try {
            steps = CamelMainSteps.bind(camel, settings, meters, () -> demo.simulator);
        } catch (RuntimeException unusableSettings) {
            ServiceHelper.stopService(demo); // Camel never starts, so it would not stop the simulator's HTTP server
            throw unusableSettings;
        }
        TwilioRequestsOnTheCallingThread.install(camel);
        CachedSettersTwilioComponent.install(camel); // before the routes; its restClient is autowired as upstream's
        installOrgRoutes(camel, steps, meters);
        camel.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                // the routes, and with them the breakers, start after this
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                BreakerMeters.bind(context, meters);
            }
        });
        // OAuth's key refresh, the Twilio connections and the connection to a shared Redis stop with Camel
        camel.addService(new Closer(steps), true);
        if (CamelMainHttp.isAvailable()) { // camel-platform-http-main's servers: guards, deliveries, demo reports
            CamelMainHttp.install(camel, settings);
        }
        // camel-twilio's component takes the single TwilioRestClient in the registry; an application's own one wins
        if (camel.getRegistry().findSingleByType(TwilioRestClient.class) == null) {
            camel.getRegistry().bind("twilioRestClient", TwilioRestClient.class, steps.componentClient());
        }
    }

    /**
     * The routes of the orgs' own Twilio accounts (HOOK_ORGS_FILE), from the template of the hook's routes: added while
     * Camel initializes, when the host has loaded the routes and before Camel makes them, so they start with them.
     */
    private static void installOrgRoutes(CamelContext camel, CamelMainSteps steps, MeterRegistry meters) {
        if (camel.getStatus().isStarted()) {
            steps.orgs().installRoutes(camel, meters); // added to a running Camel, they start at once
            return;
        }
        camel.getLifecycleStrategies().add(new LifecycleStrategySupport() {
            @Override
            public void onContextInitializing(CamelContext context) {
                steps.orgs().installRoutes(context, meters);
            }
        });
    }

    /** The application's registry when it has one (camel-micrometer's, say); else one of the hook's, bound for others. */
    private static MeterRegistry meterRegistry(CamelContext camel) {
        Registry registry = camel.getRegistry();
        MeterRegistry meters = registry.findSingleByType(MeterRegistry.class);
        if (meters == null) {
            meters = new SimpleMeterRegistry();
            // the circuit breakers' meters then land beside the hook's
            registry.bind("telephonyHookMeterRegistry", MeterRegistry.class, meters);
        }
        return meters;
    }

    /** Closes what the steps run in the background when Camel stops. */
    private static final class Closer extends ServiceSupport {

        private final AutoCloseable steps;

        Closer(AutoCloseable steps) {
            this.steps = steps;
        }

        @Override
        protected void doStop() throws Exception {
            steps.close();
        }
    }

    /** Demo mode: the Twilio simulator, a service of Camel's so it stops with Camel; the banner once Camel is up. */
    private static final class DemoSimulator extends ServiceSupport implements StartupListener {

        private final TwilioSimulator simulator = new TwilioSimulator(new ObjectMapper(), Clock.systemUTC());

        @Override
        protected void doStart() throws Exception {
            simulator.start();
        }

        @Override
        protected void doStop() {
            simulator.stop();
        }

        @Override
        public void onCamelContextStarted(CamelContext camel, boolean alreadyStarted) {
            // nothing yet: the banner waits for the whole application, so it ends the start-up log where it is seen
        }

        @Override
        public void onCamelContextFullyStarted(CamelContext camel, boolean alreadyStarted) {
            log.warn(TwilioSimulator.DEMO_BANNER);
        }
    }
}
