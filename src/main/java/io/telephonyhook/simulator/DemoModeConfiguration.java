package io.telephonyhook.simulator;

import java.io.IOException;
import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import io.telephonyhook.config.DemoModeCondition;

/**
 * Demo mode (no {@code TWILIO_ACCOUNT_SID}): the embedded Twilio simulator, a banner that says nothing is really
 * sent, and {@code GET /simulator/messages} to see what would have been.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DemoModeCondition.class)
public class DemoModeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DemoModeConfiguration.class);

    @Bean(destroyMethod = "stop")
    TwilioSimulator twilioSimulator(ObjectMapper objectMapper, Clock clock) throws IOException {
        TwilioSimulator simulator = new TwilioSimulator(objectMapper, clock);
        simulator.start();
        return simulator;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announceDemoMode() {
        log.warn("""

                ************************************************************************************
                  DEMO MODE: TWILIO_ACCOUNT_SID is not set, so NOTHING IS REALLY SENT.
                  SMS and calls go to the built-in Twilio simulator over HTTP on loopback.
                  Authentication: the demo secret from the README (Okta's example value).
                  See what would have been sent: GET /simulator/messages
                  To go live, set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER and
                  OKTA_HOOK_AUTH_SECRET (README: "Going live").
                ************************************************************************************""");
    }
}
