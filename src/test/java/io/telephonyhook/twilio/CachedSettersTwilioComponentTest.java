package io.telephonyhook.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.component.twilio.TwilioComponent;
import org.apache.camel.component.twilio.TwilioComponentConfigurer;
import org.apache.camel.component.twilio.TwilioEndpointConfigurer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.BeanIntrospection;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

/**
 * The component takes {@code twilio} only where nobody else has, gets what upstream's gets (the autowired
 * {@code restClient}, camel-twilio's generated configurers), and looks each executor class up once.
 */
class CachedSettersTwilioComponentTest {

    @Test
    void theLookupsAreMadeOncePerExecutorClass() throws Exception {
        try (UpstreamAndCachedTwilio both = new UpstreamAndCachedTwilio()) {
            TwilioExecutorLookups lookups = both.cached().lookups();
            BeanIntrospection camelsIntrospection = PluginHelper.getBeanIntrospection(both.camel);
            both.camel.getEndpoint("twilio:message/create");
            both.camel.getEndpoint("twilio:call/create");
            long camelsSetters = camelsIntrospection.getInvokedCounter();
            assertThat(lookups.misses()).isZero();

            both.sent("twilio", "message/create", both.sms());
            long afterFirst = lookups.misses();
            // the SMS's six headers, the endpoint's apiName and methodName (camel-twilio passes them too), and create
            assertThat(afterFirst).isEqualTo(both.sms().size() + 2 + 1);
            both.sent("twilio", "message/create", both.sms());
            assertThat(lookups.misses()).as("after the second").isEqualTo(afterFirst);
            for (int i = 3; i <= 100; i++) {
                both.sent("twilio", "message/create", both.sms());
            }
            assertThat(lookups.misses()).as("after the hundredth").isEqualTo(afterFirst);

            both.sent("twilio", "call/create", both.call());
            long afterFirstCall = lookups.misses();
            assertThat(afterFirstCall).as("CallCreator is another class").isGreaterThan(afterFirst);
            both.sent("twilio", "call/create", both.call());
            assertThat(lookups.misses()).isEqualTo(afterFirstCall);
            assertThat(both.twilio.received()).hasSize(102);
            assertThat(camelsIntrospection.getInvokedCounter()).as("no header was left to Camel's introspection")
                    .isEqualTo(camelsSetters);
            both.sent(UpstreamAndCachedTwilio.UPSTREAM, "message/create", both.sms());
            assertThat(camelsIntrospection.getInvokedCounter()).as("upstream's endpoint, for comparison")
                    .isEqualTo(camelsSetters + both.sms().size() + 2);
        }
    }

    @Test
    void itGetsTheRestClientAndConfigurersUpstreamsComponentGets() throws Exception {
        try (UpstreamAndCachedTwilio both = new UpstreamAndCachedTwilio()) {
            CachedSettersTwilioComponent cached = both.cached();

            assertThat(cached.getRestClient()).as("autowired from the registry").isSameAs(both.componentClient);
            assertThat(cached.getComponentPropertyConfigurer()).isInstanceOf(TwilioComponentConfigurer.class);
            assertThat(cached.getEndpointPropertyConfigurer()).isInstanceOf(TwilioEndpointConfigurer.class);
        }
    }

    @Test
    void aTwilioComponentTheContextHasAlreadyIsKept() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            TwilioComponent own = new TwilioComponent();
            camel.addComponent("twilio", own);

            CachedSettersTwilioComponent.install(camel);

            assertThat(camel.getComponent("twilio")).isSameAs(own);
        }
    }

    @Test
    void aTwilioComponentInTheRegistryIsKept() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            TwilioComponent own = new TwilioComponent();
            camel.getRegistry().bind("twilio", own);

            CachedSettersTwilioComponent.install(camel);

            assertThat(camel.getComponentNames()).doesNotContain("twilio");
            assertThat(camel.getComponent("twilio")).isSameAs(own);
        }
    }

    @Test
    void installingTwiceKeepsTheFirst() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            CachedSettersTwilioComponent.install(camel);
            Object first = camel.getComponent("twilio");

            CachedSettersTwilioComponent.install(camel);

            assertThat(camel.getComponent("twilio")).isSameAs(first).isInstanceOf(CachedSettersTwilioComponent.class);
        }
    }
}
