package io.telephonyhook.standalone;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicy;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyConfiguration;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;
import org.apache.camel.spi.ManagementStrategy;
import org.apache.camel.support.ExchangeHelper;
import org.apache.camel.support.PatternHelper;

/**
 * Camel's route metrics ({@code camel_route_policy_seconds}, {@code camel_exchanges_total} and the other counters, by
 * {@code routeId}), the same meters under the same names, tags and settings, with the exchange's timer kept under a
 * key made once per route. Camel's own policy (4.17) formats that key with {@code String.format} three times per
 * metered route per call: nine times for an SMS, 6 % of all a call allocated at Okta's pace.
 * <p>
 * Stands in only where it gives what Camel's would: a policy per route, without the context-wide timer or the long-task
 * timer (the standalone application's settings). It also registers Camel's own statistics when a route starts, as
 * Camel's does: the counters are the same meters, which Micrometer registers once.
 */
final class RouteMetricsPolicy extends MicrometerRoutePolicy {

    private volatile Meters meters;
    private boolean registerKamelets;
    private boolean registerTemplates = true;

    private RouteMetricsPolicy(MicrometerRoutePolicyFactory camels) {
        super(camels);
        setMeterRegistry(camels.getMeterRegistry());
        setPrettyPrint(camels.isPrettyPrint());
        setSkipCamelInfo(camels.isSkipCamelInfo());
        setDurationUnit(camels.getDurationUnit());
        setNamingStrategy(camels.getNamingStrategy());
        setConfiguration(camels.getPolicyConfiguration());
    }

    /** This policy in place of the one Camel's factory would make, when it gives the same meters; else Camel's. */
    static org.apache.camel.spi.RoutePolicyFactory standingInFor(MicrometerRoutePolicyFactory camels) {
        MicrometerRoutePolicyConfiguration configuration = camels.getPolicyConfiguration();
        if (configuration.isContextEnabled() || configuration.isLongTask()) {
            return camels;
        }
        return (context, routeId, route) -> new RouteMetricsPolicy(camels);
    }

    @Override
    public void onInit(Route route) {
        super.onInit(route);
        ManagementStrategy management = route.getCamelContext().getManagementStrategy();
        if (management != null && management.getManagementAgent() != null) { // as Camel's decides
            registerKamelets = management.getManagementAgent().getRegisterRoutesCreateByKamelet();
            registerTemplates = management.getManagementAgent().getRegisterRoutesCreateByTemplate();
        }
    }

    @Override
    public void onStart(Route route) {
        super.onStart(route);
        meters = metered(route) ? new Meters(route) : null;
    }

    /** Camel's statistics remove the counters; the timer is this policy's, so it goes here (an org's route removed). */
    @Override
    public void onRemove(Route route) {
        super.onRemove(route);
        Meters these = meters;
        meters = null;
        if (these != null && these.timer != null) {
            getMeterRegistry().remove(these.timer);
        }
    }

    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        Meters these = meters;
        if (these != null) {
            exchange.setProperty(these.key, Timer.start(getMeterRegistry()));
        }
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        Meters these = meters;
        if (these != null) {
            these.done(exchange);
        }
    }

    /** The routes Camel's policy meters: the same rules, in the same order. */
    private boolean metered(Route route) {
        MicrometerRoutePolicyConfiguration configuration = getConfiguration();
        if (!configuration.isRouteEnabled()
                || route.isCreatedByKamelet() && !registerKamelets
                || route.isCreatedByRouteTemplate() && !registerTemplates) {
            return false;
        }
        String exclude = configuration.getExcludePattern();
        return exclude == null || !PatternHelper.matchPatterns(route.getRouteId(), exclude.split(","));
    }

    /** One route's meters and the key of its timer in an exchange's properties. */
    private final class Meters {
        private final Route route;
        private final String key;
        private final Counter succeeded;
        private final Counter failed;
        private final Counter total;
        private final Counter externalRedeliveries;
        private final Counter failuresHandled;
        private volatile Timer timer; // registered at the first exchange's end, as Camel's is

        Meters(Route route) {
            this.route = route;
            this.key = "telephonyHookRouteTimer-" + route.getRouteId();
            MicrometerRoutePolicyConfiguration configuration = getConfiguration();
            boolean counters = configuration.isAdditionalCounters();
            this.succeeded = counters && configuration.isExchangesSucceeded() ? counter(
                    getNamingStrategy().getExchangesSucceededName(route), "Number of successfully completed exchanges")
                    : null;
            this.failed = counters && configuration.isExchangesFailed()
                    ? counter(getNamingStrategy().getExchangesFailedName(route), "Number of failed exchanges") : null;
            this.total = counters && configuration.isExchangesTotal() ? counter(
                    getNamingStrategy().getExchangesTotalName(route), "Total number of processed exchanges") : null;
            this.externalRedeliveries = counters && configuration.isExternalRedeliveries() ? counter(
                    getNamingStrategy().getExternalRedeliveriesName(route),
                    "Number of external initiated redeliveries (such as from JMS broker)") : null;
            this.failuresHandled = counters && configuration.isFailuresHandled() ? counter(
                    getNamingStrategy().getFailuresHandledName(route), "Number of failures handled") : null;
        }

        void done(Exchange exchange) {
            if (exchange.removeProperty(key) instanceof Timer.Sample sample) {
                sample.stop(timer());
            }
            increment(total);
            if (exchange.isFailed()) {
                increment(failed);
                return;
            }
            increment(succeeded);
            if (ExchangeHelper.isFailureHandled(exchange)) {
                increment(failuresHandled);
            }
            if (exchange.isExternalRedelivered()) {
                increment(externalRedeliveries);
            }
        }

        private Timer timer() {
            Timer registered = timer;
            if (registered == null) {
                Timer.Builder builder = Timer.builder(getNamingStrategy().getName(route))
                        .tags(getNamingStrategy().getTags(route)).description("Route performance metrics");
                if (getConfiguration().getTimerInitiator() != null) {
                    getConfiguration().getTimerInitiator().accept(builder);
                }
                registered = builder.register(getMeterRegistry());
                timer = registered;
            }
            return registered;
        }

        private Counter counter(String name, String description) {
            return Counter.builder(name).tags(getNamingStrategy().getExchangeStatusTags(route))
                    .description(description).register(getMeterRegistry());
        }

        private static void increment(Counter counter) {
            if (counter != null) {
                counter.increment();
            }
        }
    }
}
