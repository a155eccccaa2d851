package io.telephonyhook.deliverypage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.telephonyhook.deliveries.DeliveryRecord;

/**
 * The page as a whole: the search form (every field labelled, usable from the keyboard), the summary, the deliveries
 * found with their timelines, and the paging links (the deliveries before the summary when the agent looks for one
 * by eventId, SID or number, so that on a phone it is the first thing below the form). Plain HTML and one small stylesheet, no script: it works on a
 * phone and in any browser an agent has, and its text contrast is AA or better.
 */
final class DeliveryPageHtml {

    private static final String STYLE = """
            body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1b1b1b;background:#fff}
            header{background:#0f2f52;color:#fff;padding:.75rem 1rem}header h1{margin:0;font-size:1.3rem}
            header p{margin:.2rem 0 0}main{max-width:72rem;margin:0 auto;padding:1rem}
            form{display:grid;grid-template-columns:repeat(auto-fill,minmax(10.5rem,1fr));gap:.75rem;align-items:end}
            label{display:block;font-weight:600}input,select,button{font:inherit;padding:.45rem;width:100%;
            box-sizing:border-box;border:1px solid #595959;border-radius:4px;background:#fff;color:#1b1b1b}
            button{background:#0f2f52;color:#fff;font-weight:600;cursor:pointer}
            :focus-visible{outline:3px solid #b34700;outline-offset:2px}a{color:#0b4f9c}
            .table-wrap{overflow-x:auto;margin:.75rem 0}table{border-collapse:collapse;width:100%}
            caption{text-align:left;font-weight:600;padding:.3rem 0}th,td{text-align:left;padding:.3rem .5rem;
            border-bottom:1px solid #c8c8c8;vertical-align:top}
            .delivery{border:1px solid #b0b0b0;border-radius:6px;padding:.75rem 1rem;margin:.9rem 0}
            .delivery h3{margin:0 0 .4rem;font-size:1.1rem}.badge{padding:.1rem .5rem;border-radius:4px;font-weight:700}
            .delivered{background:#dcf1e1;color:#0a4d1c}.failed{background:#fbe0df;color:#7d0f0f}
            .pending{background:#fff1c2;color:#4d3900}.facts{display:grid;grid-template-columns:repeat(auto-fill,
            minmax(13rem,1fr));gap:.2rem 1rem;margin:0}.facts div{display:flex;gap:.4rem;flex-wrap:wrap}
            dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}.timeline{margin:.5rem 0 0;padding-left:1.4rem}
            .timeline li{margin:.15rem 0}.what{font-weight:600}.error{color:#7d0f0f}.late{color:#4a4a4a}
            .problems{background:#fff1c2;border:1px solid #8a6d00;padding:.5rem 1rem;border-radius:4px}
            nav.paging{display:flex;gap:1rem;align-items:center;flex-wrap:wrap;margin:1rem 0}
            nav.paging a{padding:.4rem .8rem;border:1px solid #0b4f9c;border-radius:4px}
            """;

    private DeliveryPageHtml() {
    }

    static String render(DeliverySearch search, DeliverySearch.Found found, DeliverySummary summary, Instant now) {
        Html html = new Html();
        html.raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>Deliveries · telephony hook</title><style>")
                .raw(STYLE).raw("</style></head><body><header><h1>Did the code arrive?</h1><p>Codes Twilio accepted"
                        + " for Okta, and what became of each. As of ").time(now).raw(".</p></header><main>");
        form(html, search);
        if (!search.problems().isEmpty()) {
            html.raw("<div class=\"problems\" role=\"alert\"><p>Part of the search was ignored:</p><ul>");
            search.problems().forEach(problem -> html.raw("<li>").text(problem).raw("</li>"));
            html.raw("</ul></div>");
        }
        boolean lookingForOne = search.eventId() != null || search.sid() != null || search.digits() != null;
        if (!lookingForOne) {
            SummaryHtml.write(html, summary);
        }
        html.raw("<section id=\"results\" aria-labelledby=\"results-title\"><h2 id=\"results-title\">Deliveries</h2>"
                + "<p id=\"found\">").text(found.total()).raw(found.total() == 1 ? " delivery" : " deliveries")
                .raw(" found, newest first.</p>");
        for (DeliveryRecord record : found.shown()) {
            DeliveryHtml.write(html, record);
        }
        paging(html, search, found);
        html.raw("</section>");
        if (lookingForOne) { // the one an agent looks for first, then the summary
            SummaryHtml.write(html, summary);
        }
        html.raw("</main></body></html>");
        return html.toString();
    }

    private static void form(Html html, DeliverySearch search) {
        html.raw("<form method=\"get\" role=\"search\" aria-label=\"Find deliveries\">");
        input(html, "eventId", "Okta eventId", search.eventId());
        input(html, "digits", "Last digits of the number", search.digits());
        input(html, "sid", "Twilio SID", search.sid());
        input(html, "org", "Org", search.org());
        select(html, "outcome", "Outcome", search.outcome(), Map.of("", "any", "delivered", "delivered",
                "failed", "not delivered", "pending", "pending"));
        select(html, "channel", "Channel", search.channel(), Map.of("", "any", "sms", "SMS", "voice", "voice call"));
        select(html, "window", "Sent in the last", search.window(), Map.of("1h", "hour", "24h", "day", "7d", "7 days"));
        html.raw("<button type=\"submit\">Search</button></form>");
    }

    private static void input(Html html, String name, String label, String value) {
        html.raw("<div><label for=\"").raw(name).raw("\">").text(label).raw("</label><input id=\"").raw(name)
                .raw("\" name=\"").raw(name).raw("\" value=\"").text(value == null ? "" : value)
                .raw("\" autocomplete=\"off\"></div>");
    }

    private static void select(Html html, String name, String label, String chosen, Map<String, String> options) {
        html.raw("<div><label for=\"").raw(name).raw("\">").text(label).raw("</label><select id=\"").raw(name)
                .raw("\" name=\"").raw(name).raw("\">");
        options.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(option -> html.raw("<option value=\"")
                .text(option.getKey()).raw(option.getKey().equals(chosen == null ? "" : chosen) ? "\" selected>" : "\">")
                .text(option.getValue()).raw("</option>"));
        html.raw("</select></div>");
    }

    private static void paging(Html html, DeliverySearch search, DeliverySearch.Found found) {
        html.raw("<nav class=\"paging\" aria-label=\"Pages\">");
        if (found.page() > 1) {
            html.raw("<a rel=\"prev\" href=\"").text(query(search.onPage(found.page() - 1))).raw("\">Newer</a>");
        }
        html.raw("<span id=\"page\">Page ").text(found.page()).raw(" of ").text(found.pages()).raw("</span>");
        if (found.page() < found.pages()) {
            html.raw("<a rel=\"next\" href=\"").text(query(search.onPage(found.page() + 1))).raw("\">Older</a>");
        }
        html.raw("</nav>");
    }

    /** The page's own address with this search: {@code ?eventId=…&page=2}. */
    private static String query(DeliverySearch search) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("eventId", search.eventId());
        fields.put("digits", search.digits());
        fields.put("sid", search.sid());
        fields.put("org", search.org());
        fields.put("outcome", search.outcome());
        fields.put("channel", search.channel());
        fields.put("window", search.window());
        fields.put("page", String.valueOf(search.page()));
        return fields.entrySet().stream().filter(field -> field.getValue() != null)
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }
}
