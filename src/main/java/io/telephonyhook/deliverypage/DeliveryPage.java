package io.telephonyhook.deliverypage;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.telephonyhook.deliveries.DeliveryLedger;
import io.telephonyhook.deliveries.DeliveryRecord;

/**
 * The delivery page and the guard of the JSON look-up, as answers any host can serve: the Spring Boot hosts at
 * {@value #PATH} on the management port, camel-main on its management server. A host passes the request's
 * {@code Authorization} header and query parameters, and writes back the status, headers and body.
 */
public final class DeliveryPage {

    public static final String PATH = "/deliveries";

    /** What to answer: status, headers, body. */
    public record Answer(int status, Map<String, String> headers, String body) {
    }

    private static final Map<String, String> HTML = Map.of("Content-Type", "text/html;charset=utf-8",
            "Cache-Control", "no-store", "X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer",
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");

    private final DeliveryLedger ledger;
    private final DeliveryViewers viewers;
    private final Clock clock;

    public DeliveryPage(DeliveryLedger ledger, DeliveryViewers viewers, Clock clock) {
        this.ledger = ledger;
        this.viewers = viewers;
        this.clock = clock;
    }

    /** The page for this search, or the refusal. */
    public Answer page(String authorization, Function<String, String> parameter) {
        Answer refusal = refusal(authorization);
        if (refusal != null) {
            return refusal;
        }
        Instant now = clock.instant();
        DeliverySearch search = DeliverySearch.of(parameter);
        List<DeliveryRecord> latest = ledger.latest(DeliverySearch.SCANNED);
        DeliverySearch.Found found = search.run(ledger, latest, now);
        DeliverySummary summary = DeliverySummary.of(latest, now);
        return new Answer(200, HTML, DeliveryPageHtml.render(search, found, summary, now));
    }

    /**
     * Null when the caller may see deliveries; else the answer: 404 when they are off (live mode without
     * {@code HOOK_DELIVERIES_VIEWER_SECRET}), 401 with a Basic challenge for no or a wrong credential. For the JSON
     * look-up as for the page.
     */
    public Answer refusal(String authorization) {
        return switch (viewers.check(authorization)) {
            case ALLOWED -> null;
            case OFF -> new Answer(404, Map.of("Content-Type", "application/json", "Cache-Control", "no-store"),
                    "{\"error\":\"Deliveries are off: set HOOK_DELIVERIES_VIEWER_SECRET to open them (docs/operations.md).\"}");
            case UNAUTHENTICATED -> new Answer(401, Map.of("Content-Type", "application/json", "Cache-Control",
                    "no-store", "WWW-Authenticate", DeliveryViewers.CHALLENGE),
                    "{\"error\":\"Sign in with the deliveries viewer's credential.\"}");
        };
    }
}
