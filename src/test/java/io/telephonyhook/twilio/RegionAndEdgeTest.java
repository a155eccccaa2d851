package io.telephonyhook.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.Domains;
import org.junit.jupiter.api.Test;

import io.telephonyhook.config.Settings;

/**
 * TWILIO_REGION and TWILIO_EDGE (and the failover's) reach the Twilio SDK as it takes them, and with Twilio's own API
 * URL the request goes where the SDK says: api.{edge}.{region}.twilio.com (docs/failover.md).
 */
class RegionAndEdgeTest {

    @Test
    void theRegionAndEdgeOfEachAccountAreTheClientsAndTheSdkNamesTheHost() throws Exception {
        Settings settings = Settings.defaults();
        settings.twilio().setAccountSid("AC0123456789abcdef0123456789abcdef");
        settings.twilio().setAuthToken("token");
        settings.twilio().setRegion("ie1");
        settings.twilio().setEdge("dublin");
        settings.failover().setAccountSid("ACfedcba9876543210fedcba9876543210");
        settings.failover().setAuthToken("token");
        settings.failover().setRegion("au1");
        settings.failover().setEdge("sydney");

        TwilioAccount primary = TwilioSteps.account(settings, () -> null);
        TwilioAccount failover = TwilioSteps.failoverAccount(settings, () -> null);
        assertThat(primary.apiUrl()).as("Twilio's own API: the SDK's URL").isNull();
        try (TwilioConnections connections = new TwilioConnections(primary, failover, Duration.ofSeconds(1),
                TwilioRequestListener.NONE)) {
            TwilioRestClient primaryClient = connections.primary().withBudgetPerRequest(Duration.ofSeconds(1));
            TwilioRestClient failoverClient = connections.failover().withBudgetPerRequest(Duration.ofSeconds(1));
            assertThat(primaryClient.getRegion()).isEqualTo("ie1");
            assertThat(primaryClient.getEdge()).isEqualTo("dublin");
            assertThat(failoverClient.getRegion()).isEqualTo("au1");
            assertThat(failoverClient.getEdge()).isEqualTo("sydney");
        }

        Request request = new Request(HttpMethod.POST, Domains.API.toString(),
                "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json");
        request.setRegion("ie1");
        request.setEdge("dublin");
        assertThat(request.constructURL().getHost()).isEqualTo("api.dublin.ie1.twilio.com");
    }
}
