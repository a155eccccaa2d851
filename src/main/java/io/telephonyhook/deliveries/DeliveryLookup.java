package io.telephonyhook.deliveries;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What became of a code, for an operator answering "I never got my code", the same in every host (the Spring Boot
 * actuator's {@code /actuator/deliveries}, camel-main's management port). Exactly one of
 * <ul>
 *   <li>{@code eventId}: the deliveries of Okta's eventId (the one in the hook's log line), newest first;
 *   <li>{@code sid}: one delivery by Twilio's SID;
 *   <li>{@code status}: the latest deliveries whose current status that is, newest first;
 * </ul>
 * with {@code limit} (default {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}), and with an orgs file
 * ({@code HOOK_ORGS_FILE}) {@code org} for one org's only. Each delivery: its SID, eventId, the org it was sent for
 * (with an orgs file), channel, the account that sent it, the masked number, country, request type, when it was sent,
 * its status and error code, and every status with its time. Never the code or the full number: the ledger holds
 * neither. Anything else is a 400 saying what to give.
 */
public final class DeliveryLookup {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 200;

    /** An answer: its HTTP status and its JSON body. */
    public record Answer(int status, Map<String, Object> body) {
    }

    private final DeliveryLedger ledger;

    public DeliveryLookup(DeliveryLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * @param org   one org's deliveries only, or null for every org's
     * @param limit as given, or null; {@code path} names the look-up in a refusal's message
     */
    public Answer find(String eventId, String sid, String status, String org, String limit, String path) {
        if (Stream.of(eventId, sid, status).filter(DeliveryLookup::given).count() != 1) {
            return refused("Give exactly one of eventId, sid or status, e.g. " + path + "?eventId=…");
        }
        int most;
        try {
            most = given(limit) ? Integer.parseInt(limit.strip()) : DEFAULT_LIMIT;
        } catch (NumberFormatException notANumber) {
            most = -1;
        }
        if (most < 1 || most > MAX_LIMIT) {
            return refused("limit must be between 1 and " + MAX_LIMIT + ".");
        }
        List<DeliveryRecord> found;
        if (given(sid)) {
            found = ledger.bySid(sid.strip()).map(List::of).orElse(List.of());
        } else if (given(eventId)) {
            found = ledger.byEventId(eventId.strip());
        } else {
            found = ledger.recent(status, given(org) ? MAX_LIMIT : most);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("deliveries", found.stream().filter(record -> !given(org) || org.strip().equals(record.org()))
                .limit(most).map(Delivery::of).toList());
        return new Answer(200, answer);
    }

    private static boolean given(String parameter) {
        return parameter != null && !parameter.isBlank();
    }

    private static Answer refused(String message) {
        return new Answer(400, Map.of("error", message));
    }

    /** A delivery as the look-up shows it: times as ISO-8601 text, whatever the host's JSON settings. */
    public record Delivery(String sid, String eventId, @JsonInclude(JsonInclude.Include.NON_NULL) String org,
                           String channel, String account, String to, String country, String requestType,
                           String sentAt, String status, Integer errorCode, List<Status> history) {

        static Delivery of(DeliveryRecord record) {
            return new Delivery(record.sid(), record.eventId(), record.org(), record.channel(), record.accountOrPrimary(),
                    record.to(),
                    record.country(), record.requestType(), record.sentAt().toString(), record.status(),
                    record.errorCode(),
                    record.history().stream().map(change -> new Status(change.status(), change.at().toString(),
                            change.errorCode(), change.late())).toList());
        }
    }

    /** One entry of a delivery's history; {@code late}: it arrived out of order and did not change the status. */
    public record Status(String status, String at, Integer errorCode, boolean late) {
    }
}
