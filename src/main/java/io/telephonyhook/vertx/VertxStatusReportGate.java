package io.telephonyhook.vertx;

import java.util.concurrent.Semaphore;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.telephonyhook.okta.HookRefusal;
import io.telephonyhook.okta.OktaErrorResponse;
import io.telephonyhook.okta.RequestTooLargeException;
import io.telephonyhook.twilio.StatusCallbacks;
import io.telephonyhook.twilio.TwilioStatusReports;

/**
 * Twilio's status reports ({@code POST /twilio/status}) on a Vert.x server, checked before a byte of the body is read,
 * as the servlet hosts' {@code StatusReportGateFilter} checks them: anyone can post to a public URL, and a caller that
 * cannot be Twilio must not fill the worker pool Okta's calls need. In order:
 * <ol>
 *   <li>403 when reports are off ({@code HOOK_PUBLIC_URL} unset), or without an {@code X-Twilio-Signature} shaped
 *       like one (the route checks the signature itself);</li>
 *   <li>415 unless the body is declared as a form;</li>
 *   <li>413 for a declared length over {@value TwilioStatusReports#MAX_REPORT_BYTES} bytes, never read;</li>
 *   <li>503 with {@code Retry-After} while {@value TwilioStatusReports#MAX_REPORTS_AT_ONCE} reports are in already,
 *       each counted from here until its answer is written or its connection lost.</li>
 * </ol>
 * The route checks all of it again, so it holds on any host.
 */
final class VertxStatusReportGate {

    /** The servlet filter's and the route's logger: one log setting covers every refusal of a report */
    private static final Logger log = LoggerFactory.getLogger("telephony-hook");
    private static final OktaErrorResponse BUSY = OktaErrorResponse.of("Busy", "Too many status reports at once",
            "HTTP_503", null, null);

    private final Semaphore inFlight = new Semaphore(TwilioStatusReports.MAX_REPORTS_AT_ONCE);
    private final StatusCallbacks callbacks;

    /** @param callbacks where Twilio is asked to report, null when the application has no such step */
    VertxStatusReportGate(StatusCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    /**
     * @param maxBody the largest refused body let in and dropped, so its caller reads the answer whole
     * @return whether the report goes on to its body and the route; if not, it is answered
     */
    boolean admit(RoutingContext call, long maxBody) {
        HttpServerRequest request = call.request();
        try {
            TwilioStatusReports.checkBeforeTheBody(callbacks, request.getHeader("X-Twilio-Signature"),
                    request.getHeader("Content-Type"));
            if (VertxAnswers.declaredLength(request) > TwilioStatusReports.MAX_REPORT_BYTES) {
                throw new RequestTooLargeException(TwilioStatusReports.MAX_REPORT_BYTES);
            }
        } catch (HookRefusal refused) {
            log.warn("Twilio status report refused: status={} reason=\"{}\"", refused.httpStatus(),
                    refused.getMessage());
            VertxAnswers.beforeTheBody(call, refused.httpStatus(), refused.errorResponse(),
                    Math.min(maxBody, TwilioStatusReports.MAX_REPORT_BYTES));
            return false;
        }
        if (!inFlight.tryAcquire()) {
            log.warn("Twilio status report refused: status=503 reason=\"{} reports in flight already\"",
                    TwilioStatusReports.MAX_REPORTS_AT_ONCE);
            call.response().putHeader("Retry-After", "1");
            VertxAnswers.closing(call, 503, BUSY);
            return false;
        }
        call.addEndHandler(done -> inFlight.release()); // once: the answer written, or the connection lost
        return true;
    }
}
