package io.telephonyhook.deliverypage;

import java.util.Locale;
import java.util.Map;

/** The summary at the top of the page ({@link DeliverySummary}): rates per channel and per country, top errors. */
final class SummaryHtml {

    private SummaryHtml() {
    }

    static void write(Html html, DeliverySummary summary) {
        html.raw("<section id=\"summary\" aria-labelledby=\"summary-title\"><h2 id=\"summary-title\">Summary</h2>");
        table(html, "by-channel", "Delivery rate per channel", "Channel", summary.byChannel());
        table(html, "by-country", "Delivery rate per country (the busiest " + DeliverySummary.COUNTRIES_SHOWN + ")",
                "Country", summary.byCountry());
        html.raw("<div class=\"table-wrap\"><table id=\"errors\"><caption>Most frequent Twilio errors, last day"
                + "</caption><thead><tr><th scope=\"col\">Error</th><th scope=\"col\">What it means</th>"
                + "<th scope=\"col\">Deliveries</th><th scope=\"col\">Countries</th></tr></thead><tbody>");
        if (summary.errors().isEmpty()) {
            html.raw("<tr><td colspan=\"4\">No Twilio errors in the last day.</td></tr>");
        }
        for (DeliverySummary.ErrorCount error : summary.errors()) {
            html.raw("<tr><td>").text(error.code()).raw("</td><td>").text(TwilioErrorWords.meaning(error.code()))
                    .raw("</td><td>").text(error.count()).raw("</td><td>").text(error.countries()).raw("</td></tr>");
        }
        html.raw("</tbody></table></div></section>");
    }

    private static void table(Html html, String id, String caption, String what, Map<String, DeliverySummary.Tally[]> rows) {
        html.raw("<div class=\"table-wrap\"><table id=\"").raw(id).raw("\"><caption>").text(caption)
                .raw("</caption><thead><tr><th scope=\"col\">").text(what).raw("</th>"
                        + "<th scope=\"col\">Last hour</th><th scope=\"col\">Last day</th>"
                        + "<th scope=\"col\">Sent (day)</th><th scope=\"col\">Delivered</th>"
                        + "<th scope=\"col\">Not delivered</th><th scope=\"col\">Pending</th></tr></thead><tbody>");
        if (rows.isEmpty()) {
            html.raw("<tr><td colspan=\"7\">No codes sent in the last day.</td></tr>");
        }
        rows.forEach((key, tally) -> html.raw("<tr><th scope=\"row\">").text(key).raw("</th><td>")
                .text(rate(tally[0])).raw("</td><td>").text(rate(tally[1])).raw("</td><td>").text(tally[1].sent())
                .raw("</td><td>").text(tally[1].delivered()).raw("</td><td>").text(tally[1].failed())
                .raw("</td><td>").text(tally[1].pending()).raw("</td></tr>"));
        html.raw("</tbody></table></div>");
    }

    /** "96 % of 25", or "no final status yet (3 sent)". */
    private static String rate(DeliverySummary.Tally tally) {
        Double rate = tally.rate();
        if (rate == null) {
            return tally.sent() == 0 ? "none sent" : "no final status yet (" + tally.sent() + " sent)";
        }
        return String.format(Locale.ROOT, "%.0f %% of %d", rate * 100, tally.delivered() + tally.failed());
    }
}
