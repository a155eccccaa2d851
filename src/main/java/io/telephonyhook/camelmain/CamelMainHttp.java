package io.telephonyhook.camelmain;

import java.time.Clock;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.telephonyhook.auth.AuthenticationSteps;
import io.telephonyhook.config.HookMode;
import io.telephonyhook.config.Settings;
import io.telephonyhook.deliveries.DeliveriesSteps;
import io.telephonyhook.deliveries.DeliveryLedger;
import io.telephonyhook.deliveries.DeliveryLookup;
import io.telephonyhook.deliverypage.DeliveryPage;
import io.telephonyhook.deliverypage.DeliveryViewers;
import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.observability.ObservabilitySteps;
import io.telephonyhook.orgs.OrgDirectory;
import io.telephonyhook.orgs.OrgSteps;
import io.telephonyhook.twilio.StatusCallbacks;
import io.telephonyhook.twilio.TwilioSteps;

/**
 * What the hook adds to camel-platform-http-main's servers, once they exist: the guards on the server Okta calls
 * ({@link VertxGuards}), the delivery look-up on the management server where Camel has one
 * ({@link ManagementDeliveries}), and in demo mode the simulator's status reports to the server's own port. Used only
 * where camel-platform-http-main is on the classpath ({@link #isAvailable()}).
 */
final class CamelMainHttp extends ServiceSupport {

    private static final Logger log = LoggerFactory.getLogger(CamelMainHttp.class);

    private final CamelContext camel;
    private final Settings settings;

    CamelMainHttp(CamelContext camel, Settings settings) {
        this.camel = camel;
        this.settings = settings;
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

    @Override
    protected void doStart() throws Exception {
        // the credentials are checked before the body is read unless the application has its own authentication step
        OrgDirectory orgs = step(AuthenticationSteps.HOOK_AUTHENTICATOR, OrgSteps.Authentication.class) == null ? null
                : step(OrgSteps.HOOK_ORGS, OrgDirectory.class);
        CallMetrics metrics = step(ObservabilitySteps.HOOK_CALL_METRICS, CallMetrics.class);
        VertxGuards guards = new VertxGuards(camel, settings, orgs, metrics);
        guards.start();
        MainHttpServer server = camel.hasService(MainHttpServer.class);
        if (server != null && settings.mode() == HookMode.DEMO) {
            step(TwilioSteps.STATUS_CALLBACKS, StatusCallbacks.class).useLoopback(server.getPort());
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
