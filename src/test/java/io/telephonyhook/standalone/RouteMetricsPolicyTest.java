package io.telephonyhook.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** The standalone application's route policy in a real Camel context: Camel's meters, one per call, gone with the route. */
class RouteMetricsPolicyTest {

    @Test
    void eachRouteIsTimedAndCountedOncePerExchangeAndItsMetersGoWithTheRoute() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerRoutePolicyFactory camels = new MicrometerRoutePolicyFactory();
        camels.setMeterRegistry(registry);
        camels.getPolicyConfiguration().setContextEnabled(false);
        camels.getPolicyConfiguration().setExcludePattern("handing-on");
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutePolicyFactory(RouteMetricsPolicy.standingInFor(camels));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:handing-on").routeId("handing-on").to("direct:account");
                    from("direct:account").routeId("account").log("sent");
                }
            });
            camel.start();

            camel.createProducerTemplate().sendBody("direct:handing-on", "code");
            camel.createProducerTemplate().sendBody("direct:handing-on", "code");

            assertThat(camel.getRoute("account").getRoutePolicyList()).hasOnlyElementsOfType(RouteMetricsPolicy.class);
            assertThat(registry.find("camel.route.policy").tag("routeId", "account").timer().count()).isEqualTo(2);
            assertThat(registry.find("camel.exchanges.total").tag("routeId", "account").counter().count()).isEqualTo(2);
            assertThat(registry.find("camel.route.policy").tag("routeId", "handing-on").timer()).as("excluded").isNull();

            camel.getRouteController().stopRoute("account");
            camel.removeRoute("account");

            assertThat(registry.find("camel.route.policy").tag("routeId", "account").timer()).isNull();
            assertThat(registry.find("camel.exchanges.total").tag("routeId", "account").counter()).isNull();
        }
    }
}
