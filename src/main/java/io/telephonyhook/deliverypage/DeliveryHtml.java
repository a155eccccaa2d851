package io.telephonyhook.deliverypage;

import io.telephonyhook.deliveries.DeliveryRecord;
import io.telephonyhook.deliveries.StatusChange;

/**
 * One delivery on the page: its outcome, the facts an agent checks with the user (masked number, country, channel,
 * org, account, when) and its timeline, each of Twilio's statuses in plain words with its error code's meaning. Never
 * the code, the full number or the message: the ledger holds none of them.
 */
final class DeliveryHtml {

    private static final String TWILIO_ERRORS = "https://www.twilio.com/docs/api/errors/";

    private DeliveryHtml() {
    }

    static void write(Html html, DeliveryRecord record) {
        String outcome = DeliverySearch.outcomeOf(record);
        html.raw("<article class=\"delivery\" data-sid=\"").text(record.sid()).raw("\" data-outcome=\"").text(outcome)
                .raw("\"><h3><span class=\"badge ").raw(outcome).raw("\">").text(label(outcome)).raw("</span> ")
                .text(record.channel().toUpperCase(java.util.Locale.ROOT)).raw(" to ").text(record.to()).raw("</h3>");
        html.raw("<dl class=\"facts\">");
        fact(html, "Sent", null).time(record.sentAt()).raw("</dd></div>");
        fact(html, "Country", record.country());
        if (record.org() != null) {
            fact(html, "Org", record.org());
        }
        fact(html, "Twilio account", record.accountOrPrimary());
        fact(html, "Okta eventId", record.eventId() == null ? "none" : record.eventId());
        fact(html, "Twilio SID", record.sid());
        if (record.requestType() != null) {
            fact(html, "Request", record.requestType().replace("com.okta.user.telephony.", ""));
        }
        html.raw("</dl><ol class=\"timeline\" aria-label=\"Timeline\">");
        for (StatusChange change : record.history()) {
            html.raw("<li class=\"").raw(change.late() ? "late" : "step").raw("\"><span class=\"what\">")
                    .text(StatusWords.of(record.channel(), change.status())).raw("</span> ");
            if (change.errorCode() != null) {
                html.raw("<span class=\"error\">error <a href=\"").text(TWILIO_ERRORS + change.errorCode())
                        .raw("\" rel=\"noreferrer\">").text(change.errorCode()).raw("</a>: ")
                        .text(TwilioErrorWords.meaning(change.errorCode())).raw("</span> ");
            }
            html.time(change.at());
            if (change.late()) {
                html.raw(" <em>(arrived late; the status did not change)</em>");
            }
            html.raw("</li>");
        }
        html.raw("</ol></article>");
    }

    private static Html fact(Html html, String name, String value) {
        html.raw("<div><dt>").text(name).raw("</dt><dd>");
        return value == null ? html : html.text(value).raw("</dd></div>");
    }

    private static String label(String outcome) {
        return switch (outcome) {
            case "delivered" -> "Delivered";
            case "failed" -> "Not delivered";
            default -> "Pending";
        };
    }
}
