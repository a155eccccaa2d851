package io.telephonyhook.camelmain;

import java.time.Clock;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.telephonyhook.config.HookMode;
import io.telephonyhook.config.Settings;
import io.telephonyhook.deliveries.DeliveriesSteps;
import io.telephonyhook.deliveries.DeliveryLedger;
import io.telephonyhook.deliveries.DeliveryLookup;
import io.telephonyhook.deliverypage.DeliveryPage;
import io.telephonyhook.deliverypage.DeliveryViewers;
import io.telephonyhook.twilio.StatusCallbacks;
import io.telephonyhook.twilio.TwilioSteps;
import io.telephonyhook.vertx.VertxGuards;

/**
 * What the hook adds to camel-platform-http-main's servers: the guards on the server Okta calls ({@link VertxGuards}),
 * put on its router before its port listens ({@link BeforeListening}); the delivery look-up on the management server
 * where Camel has one ({@link ManagementDeliveries}); and in demo mode the simulator's status reports to the server's
 * own port. Used only where camel-platform-http-main is on the classpath ({@link #isAvailable()}).
 */
final class CamelMainHttp extends ServiceSupport {

    private static final Logger log = LoggerFactory.getLogger(CamelMainHttp.class);

    private final CamelContext camel;
    private final Settings settings;
    private final VertxGuards guards;

    private CamelMainHttp(CamelContext camel, Settings settings) {
        this.camel = camel;
        this.settings = settings;
        this.guards = new VertxGuards(camel, settings, null); // its deadlines count from the exchange (CamelMainSteps)
    }

    static boolean isAvailable() {
        try {
            Class.forName("org.apache.camel.component.platform.http.main.MainHttpServer", false,
                    CamelMainHttp.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }

    /**
     * Called while Camel is configured. camel-main makes its server before it runs configuration classes (4.10 to
     * 4.17), so the guards go into the server's settings here, before the server starts.
     */
    static void install(CamelContext camel, Settings settings) throws Exception {
        CamelMainHttp http = new CamelMainHttp(camel, settings);
        MainHttpServer server = camel.hasService(MainHttpServer.class);
        if (server != null) {
            BeforeListening.install(server, http.guards::firstHandler);
        }
        camel.addService(http, true, true);
    }

    @Override
    protected void doStart() throws Exception {
        MainHttpServer server = camel.hasService(MainHttpServer.class);
        if (server == null) {
            log.warn("camel.server.enabled is not true: no guards in front of the hook's path (docs/platforms.md)");
        } else {
            ServiceHelper.startService(server); // idempotent: its router exists from here on
            if (!guards.isFirst()) { // a server made after the hook was configured: first from now on
                server.getRouter().route().order(Integer.MIN_VALUE).handler(guards.firstHandler());
            }
            guards.answerTheRest(server.getRouter());
            if (settings.mode() == HookMode.DEMO) {
                step(TwilioSteps.STATUS_CALLBACKS, StatusCallbacks.class).useLoopback(server.getPort());
            }
        }
        if (hasManagementServer()) {
            DeliveryLedger ledger = step(DeliveriesSteps.DELIVERY_LEDGER, DeliveryLedger.class);
            boolean installed = ManagementDeliveries.install(camel, new DeliveryLookup(ledger), new DeliveryPage(ledger,
                    DeliveryViewers.of(settings.deliveries(), settings.mode()), Clock.systemUTC()),
                    server == null ? -1 : server.getPort());
            if (!installed) {
                log.info("The management server is on the port Okta calls: no delivery page or look-up there"
                        + " (give camel.management.port a port of its own)");
            }
        } else {
            log.info("No management server (camel.management.enabled, Camel 4.14 and later): no delivery look-up");
        }
    }

    private <T> T step(String name, Class<T> type) {
        return camel.getRegistry().lookupByNameAndType(name, type);
    }

    private boolean hasManagementServer() {
        try {
            Class<?> management = Class.forName("org.apache.camel.component.platform.http.main.ManagementHttpServer",
                    false, CamelMainHttp.class.getClassLoader());
            return camel.hasService(management) != null;
        } catch (ClassNotFoundException beforeCamel414) {
            return false;
        }
    }
}
