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
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.telephonyhook.TelephonyHook;
import io.telephonyhook.config.HookMode;
import io.telephonyhook.config.DedupSettings;
import io.telephonyhook.config.DeliverySettings;
import io.telephonyhook.config.HookSettings;
import io.telephonyhook.config.PumpingSettings;
import io.telephonyhook.config.SendersAndWordingFiles;
import io.telephonyhook.config.SettingsSource;
import io.telephonyhook.config.TwilioSettings;
import io.telephonyhook.delivery.CallDeadlines;
import io.telephonyhook.simulator.TwilioSimulator;
import io.telephonyhook.twilio.TwilioRequestsOnTheCallingThread;

/**
 * The hook under plain camel-main, and so under Camel JBang, which runs on it:
 * {@code camel.main.configuration-classes=io.telephonyhook.camelmain.TelephonyHookCamelConfiguration}. It binds the
 * hook's steps in Camel's registry under the names its routes use, and nothing else: the routes are the host's to
 * name ({@code camel.main.routes-include-pattern=classpath:telephony-hook/routes/*.camel.yaml}, or
 * {@code camel run routes/*.camel.yaml}), as is the HTTP server ({@code camel.server.enabled=true}).
 *
 * <p>Settings have the keys and environment variables of the README's table, as in the Spring Boot host.
 */
public class TelephonyHookCamelConfiguration implements CamelConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TelephonyHookCamelConfiguration.class);

    @Override
    public void configure(CamelContext camel) throws Exception {
        SettingsSource settings = new SettingsSource(key -> setting(camel, key));
        TwilioSettings twilio = TwilioSettings.from(settings);
        HookSettings hookSettings = HookSettings.from(settings);
        DedupSettings dedup = DedupSettings.from(settings);
        DeliverySettings deliveries = DeliverySettings.from(settings);
        SendersAndWordingFiles files = SendersAndWordingFiles.from(settings);
        DemoSimulator demo = HookMode.of(twilio) == HookMode.DEMO ? new DemoSimulator() : null;
        if (demo != null) {
            demo.start(); // now: the hook needs its address
            camel.addService(demo, true); // stopped with Camel
            camel.addStartupListener(demo);
        }
        TelephonyHook hook;
        try {
            // No servlet filter sees a request first here: a call's deadline counts from when Camel made the exchange.
            hook = new TelephonyHook(hookSettings, twilio, dedup, PumpingSettings.from(settings), deliveries, files,
                    meterRegistry(camel), CallDeadlines.Arrival.UNKNOWN, () -> demo.simulator.account());
        } catch (RuntimeException unusableSettings) {
            ServiceHelper.stopService(demo); // Camel never starts, so it would not stop the simulator's HTTP server
            throw unusableSettings;
        }
        hook.bindRouteBeans(camel.getRegistry());
        TwilioRequestsOnTheCallingThread.install(camel);
        camel.addService(new HookCloser(hook), true); // OAuth's key refresh and the connection to a shared Redis stop with Camel
        // camel-twilio's component takes the single TwilioRestClient in the registry; an application's own one wins
        if (camel.getRegistry().findSingleByType(TwilioRestClient.class) == null) {
            camel.getRegistry().bind("twilioRestClient", TwilioRestClient.class, hook.componentClient());
        }
    }

    /**
     * Camel's properties (application.properties, {@code -D}, {@code camel run --property}), then the README's
     * environment variable ({@code hook.max-body} is {@code HOOK_MAX_BODY}) whatever Camel's own environment mode.
     */
    private static String setting(CamelContext camel, String key) {
        return camel.getPropertiesComponent().resolveProperty(key)
                .orElseGet(() -> System.getenv(SettingsSource.environmentVariable(key)));
    }

    /** The application's registry when it has one (camel-micrometer's, say); else one of the hook's, bound for others. */
    private static MeterRegistry meterRegistry(CamelContext camel) {
        Registry registry = camel.getRegistry();
        MeterRegistry meters = registry.findSingleByType(MeterRegistry.class);
        if (meters == null) {
            meters = new SimpleMeterRegistry();
            // the circuit breakers' meters (micrometerEnabled in the routes) then land beside the hook's
            registry.bind("telephonyHookMeterRegistry", MeterRegistry.class, meters);
        }
        return meters;
    }

    /** Closes the hook when Camel stops. */
    private static final class HookCloser extends ServiceSupport {

        private final TelephonyHook hook;

        HookCloser(TelephonyHook hook) {
            this.hook = hook;
        }

        @Override
        protected void doStop() {
            hook.close();
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
