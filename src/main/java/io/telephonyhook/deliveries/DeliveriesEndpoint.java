package io.telephonyhook.deliveries;

import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.lang.Nullable;

/**
 * {@code GET /actuator/deliveries}, on the management port of a Spring Boot host with the actuator: the
 * {@link DeliveryLookup} ({@code ?eventId=…}, {@code ?sid=SM…} or {@code ?status=undelivered}, and {@code org}, {@code limit}).
 */
@WebEndpoint(id = "deliveries")
public class DeliveriesEndpoint {

    private final DeliveryLookup lookup;

    public DeliveriesEndpoint(DeliveryLedger ledger) {
        this.lookup = new DeliveryLookup(ledger);
    }

    @ReadOperation
    public WebEndpointResponse<Map<String, Object>> deliveries(@Nullable String eventId, @Nullable String sid,
                                                               @Nullable String status, @Nullable String org,
                                                               @Nullable String limit) {
        DeliveryLookup.Answer answer = lookup.find(eventId, sid, status, org, limit, "/actuator/deliveries");
        return new WebEndpointResponse<>(answer.body(), answer.status());
    }
}
