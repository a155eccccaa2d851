package io.telephonyhook;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;

/**
 * The ids in {@code routes/*.camel.yaml} that Java code refers to, named once here ({@code RouteNamesTest} checks them
 * against the routes): every route, node, breaker and {@code direct:} id of the hook starts with {@value #PREFIX}.
 */
public final class HookRoutes {

    public static final String PREFIX = "telephony-hook";
    /** The route that serves Okta's calls. */
    public static final String HOOK_ROUTE = "telephony-hook";
    public static final String SMS_BREAKER = "telephony-hook-twilio-sms";
    public static final String VOICE_BREAKER = "telephony-hook-twilio-voice";
    /** The failover account's (TWILIO_FAILOVER_*, docs/failover.md), one per channel too. */
    public static final String FAILOVER_SMS_BREAKER = "telephony-hook-twilio-failover-sms";
    public static final String FAILOVER_VOICE_BREAKER = "telephony-hook-twilio-failover-voice";
    public static final List<String> BREAKERS = List.of(SMS_BREAKER, VOICE_BREAKER, FAILOVER_SMS_BREAKER,
            FAILOVER_VOICE_BREAKER);

    private HookRoutes() {
    }

    /**
     * Whether the hook's routes have all started (the route serving Okta among them): until then its path is unknown
     * to the host's HTTP server, and the hosts' start-up gates answer 503 instead of a 404. Camel itself must have
     * finished starting too: while it starts, a route already reports started before its consumer has registered its
     * path with the HTTP server (a 404 seen once on camel-main 4.10 in CamelMain410HostIT).
     */
    public static boolean started(CamelContext camel) {
        if (!camel.isStarted()) {
            return false;
        }
        boolean hookRoute = false;
        for (Route route : camel.getRoutes()) {
            if (route.getRouteId().startsWith(PREFIX)) {
                if (!camel.getRouteController().getRouteStatus(route.getRouteId()).isStarted()) {
                    return false;
                }
                hookRoute |= route.getRouteId().equals(HOOK_ROUTE);
            }
        }
        return hookRoute;
    }
}
