package io.telephonyhook.deliveries;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.lang.Nullable;

/**
 * {@code GET /actuator/deliveries}, on the management port: what became of a code, for an operator answering "I never
 * got my code". Exactly one of
 * <ul>
 *   <li>{@code ?eventId=…}: the deliveries of Okta's eventId (the one in the hook's log line), newest first;
 *   <li>{@code ?sid=SM…}: one delivery by Twilio's SID;
 *   <li>{@code ?status=undelivered}: the latest deliveries whose current status that is, newest first;
 * </ul>
 * with {@code limit} (default {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}). Each delivery: its SID, eventId,
 * channel, the masked number, country, request type, when it was sent, its status and error code, and every status
 * with its time. Never the code or the full number: the ledger holds neither. Anything else is a 400 saying what to
 * give. An actuator endpoint, so only in hosts with Spring Boot's actuator (not under camel-main).
 */
@WebEndpoint(id = "deliveries")
public class DeliveriesEndpoint {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 200;

    private final DeliveryLedger ledger;

    public DeliveriesEndpoint(DeliveryLedger ledger) {
        this.ledger = ledger;
    }

    @ReadOperation
    public WebEndpointResponse<Map<String, Object>> deliveries(@Nullable String eventId, @Nullable String sid,
                                                               @Nullable String status, @Nullable Integer limit) {
        if (Stream.of(eventId, sid, status).filter(DeliveriesEndpoint::given).count() != 1) {
            return refused("Give exactly one of eventId, sid or status, e.g. /actuator/deliveries?eventId=…");
        }
        int most = limit == null ? DEFAULT_LIMIT : limit;
        if (most < 1 || most > MAX_LIMIT) {
            return refused("limit must be between 1 and " + MAX_LIMIT + ".");
        }
        List<DeliveryRecord> found;
        if (given(sid)) {
            found = ledger.bySid(sid.strip()).map(List::of).orElse(List.of());
        } else if (given(eventId)) {
            found = ledger.byEventId(eventId.strip());
        } else {
            found = ledger.recent(status, most);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("deliveries", found.stream().limit(most).map(Delivery::of).toList());
        return new WebEndpointResponse<>(answer, WebEndpointResponse.STATUS_OK);
    }

    private static boolean given(String parameter) {
        return parameter != null && !parameter.isBlank();
    }

    private static WebEndpointResponse<Map<String, Object>> refused(String message) {
        return new WebEndpointResponse<>(Map.of("error", message), WebEndpointResponse.STATUS_BAD_REQUEST);
    }

    /** A delivery as the endpoint shows it: times as ISO-8601 text, whatever the host's JSON settings. */
    public record Delivery(String sid, String eventId, String channel, String to, String country, String requestType,
                           String sentAt, String status, Integer errorCode, List<Status> history) {

        static Delivery of(DeliveryRecord record) {
            return new Delivery(record.sid(), record.eventId(), record.channel(), record.to(), record.country(),
                    record.requestType(), record.sentAt().toString(), record.status(), record.errorCode(),
                    record.history().stream().map(change -> new Status(change.status(), change.at().toString(),
                            change.errorCode(), change.late())).toList());
        }
    }

    /** One entry of a delivery's history; {@code late}: it arrived out of order and did not change the status. */
    public record Status(String status, String at, Integer errorCode, boolean late) {
    }
}
