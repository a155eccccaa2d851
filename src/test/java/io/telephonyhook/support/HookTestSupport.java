package io.telephonyhook.support;

import java.net.URI;

import org.apache.camel.CamelContext;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hook in live mode, started whole on a random port (metrics on, as in service), with Twilio's API pointed at
 * {@link TwilioStandIn}, Okta's port on the standalone application's default server (Vert.x). A test class annotated
 * {@code @TestPropertySource(properties = HookTestSupport.ON_TOMCAT)} runs with Okta's port on Tomcat instead, behind
 * the servlet guards an application that embeds the hook runs.
 * Every test class extending this shares one application context per server (same configuration), and each test starts
 * with the stand-in accepting everything and both circuit breakers closed.
 */
@CamelSpringBootTest
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HookTestSupport {

    /** Okta's port on Tomcat ({@code HTTP_SERVER=tomcat}), for {@code @TestPropertySource} */
    public static final String ON_TOMCAT = "standalone.http-server=tomcat";

    protected static final TwilioStandIn twilio = TwilioStandIn.start();

    @Autowired
    private ApplicationContext context;

    @LocalManagementPort
    private int managementPort;

    @Autowired
    protected CamelContext camel;

    protected OktaClient okta;

    @DynamicPropertySource
    static void liveModeAgainstStandIn(DynamicPropertyRegistry properties) {
        properties.add("twilio.account-sid", () -> TwilioStandIn.ACCOUNT_SID);
        properties.add("twilio.auth-token", () -> TwilioStandIn.AUTH_TOKEN);
        properties.add("twilio.api-url", () -> twilio.url().toString());
        properties.add("twilio.from-number", () -> "+15017122661");
        properties.add("okta.hook.auth.secret", () -> OktaClient.SECRET);
        properties.add("okta.hook.auth.secret-previous", () -> OktaClient.PREVIOUS_SECRET);
        properties.add("hook.deliveries.viewer-secret", () -> DeliveryViewer.SECRET);
    }

    @BeforeEach
    void freshStandInAndClosedBreakers() {
        twilio.reset();
        breaker("telephony-hook-twilio-sms").transitionToCloseState();
        breaker("telephony-hook-twilio-voice").transitionToCloseState();
        okta = new OktaClient(OktaPort.of(context));
    }

    /** Where /actuator is: its own port, off the one Okta reaches. */
    protected URI managementUrl() {
        return URI.create("http://127.0.0.1:" + managementPort);
    }

    protected ResilienceProcessor breaker(String id) {
        return camel.getProcessor(id, ResilienceProcessor.class);
    }
}
