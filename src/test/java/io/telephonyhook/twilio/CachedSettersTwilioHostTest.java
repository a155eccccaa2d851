package io.telephonyhook.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Endpoint;
import org.junit.jupiter.api.Test;

import io.telephonyhook.support.HookTestSupport;
import io.telephonyhook.support.OktaRequest;

/** In the Spring Boot host, the routes' twilio: endpoints are the cached ones, on a component with its restClient. */
class CachedSettersTwilioHostTest extends HookTestSupport {

    @Test
    void theRoutesSendThroughTheCachedEndpointsOfAComponentWithItsRestClient() {
        assertThat(okta.post(OktaRequest.sms()).actionStatus()).isEqualTo("SUCCESSFUL");
        assertThat(okta.post(OktaRequest.voice()).actionStatus()).isEqualTo("SUCCESSFUL");

        assertThat(camel.getComponent("twilio")).isInstanceOfSatisfying(CachedSettersTwilioComponent.class,
                twilio -> assertThat(twilio.getRestClient()).as("autowired, as upstream's").isNotNull());
        assertThat(camel.getEndpoints()).map(Endpoint::getEndpointUri).filteredOn(uri -> uri.startsWith("twilio:"))
                .contains("twilio://message/create", "twilio://call/create");
        assertThat(camel.getEndpoints()).filteredOn(endpoint -> endpoint.getEndpointUri().startsWith("twilio:"))
                .allMatch(CachedSettersTwilioEndpoint.class::isInstance);
        assertThat(((CachedSettersTwilioComponent) camel.getComponent("twilio")).lookups().misses()).isPositive();
    }
}
