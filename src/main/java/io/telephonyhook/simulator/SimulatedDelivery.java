package io.telephonyhook.simulator;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A message or call the simulator accepted: what Twilio would have sent. Demo data only; it holds the code,
 * which is the point of a demo, and is never logged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SimulatedDelivery(
        String sid,
        String account,
        String kind,
        Instant receivedAt,
        String to,
        String from,
        String messagingServiceSid,
        String body,
        String twiml,
        String url,
        Integer validityPeriod) {
}
