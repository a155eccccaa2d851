package io.telephonyhook.deliverypage;

import java.util.Map;

import io.telephonyhook.deliveries.DeliveryStatuses;

/** Twilio's status words as a help-desk agent says them, per channel; an unknown word shows as it came. */
final class StatusWords {

    private static final Map<String, String> SMS = Map.ofEntries(
            Map.entry("accepted", "accepted by Twilio"), Map.entry("scheduled", "scheduled by Twilio"),
            Map.entry("queued", "accepted by Twilio (queued)"), Map.entry("sending", "being sent to the carrier"),
            Map.entry("sent", "sent to the carrier"), Map.entry("delivered", "delivered to the phone"),
            Map.entry("undelivered", "not delivered"), Map.entry("failed", "failed: Twilio could not send it"),
            Map.entry("read", "read"), Map.entry("canceled", "canceled"),
            Map.entry("partially_delivered", "partly delivered"));
    private static final Map<String, String> VOICE = Map.of(
            "queued", "accepted by Twilio (queued)", "initiated", "call placed", "ringing", "phone ringing",
            "in-progress", "call answered", "completed", "call completed: the code was read out", "busy", "line busy",
            "no-answer", "no answer", "failed", "call failed", "canceled", "call canceled");

    private StatusWords() {
    }

    static String of(String channel, String status) {
        return (DeliveryStatuses.VOICE.equals(channel) ? VOICE : SMS).getOrDefault(status, status);
    }
}
