package io.telephonyhook.deliveries;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A delivery as Redis keeps it: a JSON object the ledger's Lua scripts read and rewrite (with Redis's cjson), times in
 * epoch milliseconds (a Lua number holds them exactly), absent fields for nulls. Written field by field, so it
 * needs no Jackson module and reads whatever a newer version adds.
 */
final class DeliveryJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeliveryJson() {
    }

    static String write(DeliveryRecord record) {
        ObjectNode node = JSON.createObjectNode();
        node.put("sid", record.sid());
        putIfPresent(node, "eventId", record.eventId());
        node.put("channel", record.channel());
        putIfPresent(node, "to", record.to());
        putIfPresent(node, "country", record.country());
        putIfPresent(node, "requestType", record.requestType());
        putIfPresent(node, "account", record.account());
        putIfPresent(node, "org", record.org());
        node.put("sentAt", record.sentAt().toEpochMilli());
        node.put("status", record.status());
        if (record.errorCode() != null) {
            node.put("errorCode", record.errorCode());
        }
        ArrayNode history = node.putArray("history");
        for (StatusChange change : record.history()) {
            ObjectNode entry = history.addObject();
            entry.put("status", change.status());
            entry.put("at", change.at().toEpochMilli());
            if (change.errorCode() != null) {
                entry.put("errorCode", change.errorCode());
            }
            if (change.late()) {
                entry.put("late", true);
            }
        }
        return node.toString();
    }

    static DeliveryRecord read(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("an unreadable delivery in Redis", unreadable);
        }
        List<StatusChange> history = new ArrayList<>();
        for (JsonNode entry : node.path("history")) { // cjson writes an empty array as {}: no entries either way
            history.add(new StatusChange(entry.path("status").asText(), Instant.ofEpochMilli(entry.path("at").asLong()),
                    integer(entry.get("errorCode")), entry.path("late").asBoolean(false)));
        }
        return new DeliveryRecord(node.path("sid").asText(), text(node.get("eventId")), node.path("channel").asText(),
                text(node.get("to")), text(node.get("country")), text(node.get("requestType")),
                Instant.ofEpochMilli(node.path("sentAt").asLong()), node.path("status").asText(),
                integer(node.get("errorCode")), history, text(node.get("account")),
                text(node.get("org")));
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Integer integer(JsonNode value) {
        return value == null || !value.isNumber() ? null : value.asInt();
    }
}
