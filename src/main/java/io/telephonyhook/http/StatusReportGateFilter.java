package io.telephonyhook.http;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.telephonyhook.okta.HookRefusal;
import io.telephonyhook.okta.OktaErrorResponse;
import io.telephonyhook.okta.RequestTimeoutException;
import io.telephonyhook.okta.RequestTooLargeException;
import io.telephonyhook.twilio.StatusCallbacks;
import io.telephonyhook.twilio.TwilioStatusReports;

/**
 * The guard in front of Twilio's status reports ({@code POST /twilio/status}), a public path on the port Okta calls, so
 * as guarded as the hook's own path: a caller that cannot be Twilio must not hold a request thread, fill the heap or
 * make a log line. In order, each before anything reads the body:
 * <ol>
 *   <li>403 when reports are off ({@code HOOK_PUBLIC_URL} unset) or {@code X-Twilio-Signature} is missing or not
 *       shaped like one (the signature itself covers the form, so it is checked once the form is read, by the route);
 *   <li>415 unless the body is declared as a form;
 *   <li>503 when {@value TwilioStatusReports#MAX_REPORTS_AT_ONCE} reports are being read already: whatever callers with made-up signatures
 *       do, they hold at most that many of the threads Okta's calls need;
 *   <li>the body read with {@link BoundedBody}: at most {@value TwilioStatusReports#MAX_REPORT_BYTES} bytes (413),
 *       all of it by the hook's deadline (408, connection closed);
 *   <li>400 for a form that cannot be read, before Camel's HTTP binding parses it (which would log it, raw, with a
 *       stack trace).
 * </ol>
 * A refusal is one log line of fixed text, the same as the route's, and a JSON body; the route checks everything again
 * (and the signature), so it holds in any host.
 */
public class StatusReportGateFilter extends PostFilter {

    private static final Logger log = LoggerFactory.getLogger("telephony-hook");
    private static final OktaErrorResponse BUSY = OktaErrorResponse.of("Busy", "Too many status reports at once",
            "HTTP_503", null, null);

    private final StatusCallbacks callbacks;
    private final Duration deadline;
    private final Semaphore inFlight = new Semaphore(TwilioStatusReports.MAX_REPORTS_AT_ONCE);

    /** @param deadline how long after arrival a report's body must be in (the hook's {@code HOOK_DEADLINE}) */
    public StatusReportGateFilter(StatusCallbacks callbacks, Duration deadline) {
        this.callbacks = callbacks;
        this.deadline = deadline;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            TwilioStatusReports.checkBeforeTheBody(callbacks, request.getHeader("X-Twilio-Signature"),
                    request.getContentType());
        } catch (HookRefusal refused) {
            refuse(response, refused);
            return;
        }
        if (!inFlight.tryAcquire()) {
            response.setHeader("Retry-After", "1");
            response.setHeader("Connection", "close");
            log.warn("Twilio status report refused: status=503 reason=\"{} reports in flight already\"",
                    TwilioStatusReports.MAX_REPORTS_AT_ONCE);
            OktaErrorWriter.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, BUSY);
            return;
        }
        try {
            BoundedBody.Read body = BoundedBody.read(request, TwilioStatusReports.MAX_REPORT_BYTES, deadline);
            switch (body.outcome()) {
                case TOO_LARGE -> refuse(response, new RequestTooLargeException(TwilioStatusReports.MAX_REPORT_BYTES));
                case LATE -> refuse(response, new RequestTimeoutException());
                case READ -> {
                    try {
                        TwilioStatusReports.form(body.bytes());
                    } catch (HookRefusal malformed) {
                        refuse(response, malformed);
                        return;
                    }
                    chain.doFilter(new BufferedBodyRequest(request, body.bytes()), response);
                }
            }
        } finally {
            inFlight.release();
        }
    }

    /** Answered at once and the connection closed: whatever is left of the body is never read. */
    private static void refuse(HttpServletResponse response, HookRefusal refusal) throws IOException {
        log.warn("Twilio status report refused: status={} reason=\"{}\"", refusal.httpStatus(), refusal.getMessage());
        response.setHeader("Connection", "close");
        OktaErrorWriter.write(response, refusal.httpStatus(), refusal.errorResponse());
    }
}
