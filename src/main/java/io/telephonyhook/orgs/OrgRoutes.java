package io.telephonyhook.orgs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;

import io.telephonyhook.HookRoutes;
import io.telephonyhook.observability.BreakerMeters;
import io.telephonyhook.twilio.TwilioAccount;
import io.telephonyhook.twilio.TwilioSteps;

/**
 * The routes of the orgs' own Twilio accounts: each account its own route per channel, made from the template that
 * makes the hook's ({@code telephony-hook-twilio-account} in {@code routes/twilio-delivery.camel.yaml}), so each is in
 * a circuit breaker of its own: one org's Twilio outage opens no other org's breaker. An account named
 * {@code acme-prod} has the routes {@code telephony-hook-sms-acme-prod} and {@code telephony-hook-voice-acme-prod}, and
 * the breakers {@code telephony-hook-twilio-acme-prod-sms} and {@code telephony-hook-twilio-acme-prod-voice}.
 */
final class OrgRoutes {

    private static final String TEMPLATE = "telephony-hook-twilio-account";
    private static final List<String> CHANNELS = List.of("sms", "voice");

    private final CamelContext camel;
    private final MeterRegistry meters;

    OrgRoutes(CamelContext camel, MeterRegistry meters) {
        this.camel = camel;
        this.meters = meters;
    }

    /** Adds the routes of these accounts (started at once when Camel runs, else with Camel), and their meters. */
    void add(Set<String> accounts) {
        List<String> breakers = new ArrayList<>();
        for (String account : accounts) {
            for (String channel : CHANNELS) {
                String routeId = routeId(channel, account);
                if (camel.getRoute(routeId) != null) {
                    continue;
                }
                boolean failover = isFailover(account);
                Map<String, Object> parameters = new LinkedHashMap<>();
                parameters.put("channel", channel);
                parameters.put("account", account);
                parameters.put("breaker", "twilio-" + account + "-" + channel);
                parameters.put("composer", composer(channel, failover));
                parameters.put("clients", failover ? TwilioSteps.FAILOVER_CLIENTS : TwilioSteps.TWILIO_CLIENTS);
                parameters.put("twilioEndpoint", "sms".equals(channel) ? "twilio:message/create" : "twilio:call/create");
                parameters.put("afterFallback", failover ? "afterFailover" : "afterPrimary");
                try {
                    camel.addRouteFromTemplate(routeId, TEMPLATE, HookRoutes.PREFIX + "-", parameters);
                } catch (Exception unusable) {
                    throw new IllegalStateException("could not add the route " + routeId, unusable);
                }
                breakers.add(HookRoutes.PREFIX + "-twilio-" + account + "-" + channel);
            }
        }
        if (camel.isStarted() && !breakers.isEmpty()) {
            BreakerMeters.bind(camel, meters, breakers);
        }
    }

    /** Stops (letting calls in them finish) and removes the routes of accounts no org names any more. */
    void remove(Set<String> accounts) {
        for (String account : accounts) {
            for (String channel : CHANNELS) {
                String routeId = routeId(channel, account);
                try {
                    if (camel.getRoute(routeId) != null) {
                        camel.getRouteController().stopRoute(routeId);
                        camel.removeRoute(routeId);
                    }
                } catch (Exception stuck) {
                    throw new IllegalStateException("could not remove the route " + routeId, stuck);
                }
            }
        }
    }

    private static String routeId(String channel, String account) {
        return HookRoutes.PREFIX + "-" + channel + "-" + account;
    }

    private static String composer(String channel, boolean failover) {
        if ("sms".equals(channel)) {
            return failover ? TwilioSteps.FAILOVER_SMS_COMPOSER : TwilioSteps.SMS_COMPOSER;
        }
        return failover ? TwilioSteps.FAILOVER_CALL_COMPOSER : TwilioSteps.CALL_COMPOSER;
    }

    /** Whether an account of an org is its failover one ({@code acme-prod-failover}). */
    static boolean isFailover(String account) {
        return account.endsWith("-" + TwilioAccount.FAILOVER);
    }
}
