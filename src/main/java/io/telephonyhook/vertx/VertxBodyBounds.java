package io.telephonyhook.vertx;

import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.telephonyhook.config.HookSettings;
import io.telephonyhook.observability.CallLog;
import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.okta.HookRefusal;
import io.telephonyhook.okta.RequestTimeoutException;
import io.telephonyhook.okta.RequestTooLargeException;

/**
 * The bounds on a call's body on a Vert.x server of the hook's, as the servlet guards' on Tomcat
 * ({@code BodySizeLimitFilter}): a body declared over {@code HOOK_MAX_BODY} is refused 413 before it is read (and
 * dropped, up to {@value #DROPPED_TIMES} times the limit),
 * one that grows past the body handler's limit as it is read (no declared length; {@code HOOK_MAX_BODY} on the
 * standalone application's server, {@code camel.server.maxBodySize} on camel-main's, where the route refuses what is
 * between the two) 413 as well, and one not all in by the call's deadline 408. An Okta call's refusal is logged and
 * counted as the route's are; but for a dropped body, the connection is closed, what is left of the body never read.
 */
final class VertxBodyBounds {

    private static final CallLog CALL_LOG = new CallLog();
    private static final Logger log = LoggerFactory.getLogger("telephony-hook");
    /** How many times HOOK_MAX_BODY a refused body may be, to be let in and dropped rather than reset under its answer */
    static final int DROPPED_TIMES = 4;

    private final HookSettings hook;
    private final CallMetrics metrics;

    VertxBodyBounds(HookSettings hook, CallMetrics metrics) {
        this.hook = hook;
        this.metrics = metrics;
    }

    /**
     * Refuses an Okta call whose declared length is over the limit; whether it did. A connection closed under a
     * caller still sending is reset, and the reset can take the answer with it: a body up to {@value #DROPPED_TIMES}
     * times the limit is let in and dropped, so the caller reads its 413 whole; a larger one is never read.
     */
    boolean refusedBeforeTheBody(RoutingContext call) {
        long max = hook.maxBodyBytes();
        if (VertxAnswers.declaredLength(call.request()) <= max) {
            return false;
        }
        RequestTooLargeException refusal = noted(new RequestTooLargeException(max));
        VertxAnswers.beforeTheBody(call, refusal.httpStatus(), refusal.errorResponse(), DROPPED_TIMES * max);
        return true;
    }

    /** The body handler's own 413 for an Okta call's body grown past the limit as it was read. */
    void refuseAsRead(RoutingContext call) {
        refuse(call, new RequestTooLargeException(hook.maxBodyBytes()));
    }

    /** 408 for a body not all in by the call's deadline, counted from {@code arrivedAt} (a status report's too). */
    void bound(RoutingContext call, long arrivedAt, boolean oktaCall) {
        if (call.request().isEnded()) {
            return;
        }
        long left = hook.getDeadline().toMillis() - (System.nanoTime() - arrivedAt) / 1_000_000;
        long timer = call.vertx().setTimer(Math.max(1, left), fired -> {
            if (!call.request().isEnded() && !call.response().ended()) {
                RequestTimeoutException late = new RequestTimeoutException();
                if (oktaCall) {
                    refuse(call, late);
                } else { // a status report: its own line, as the servlet guard's, and not in the calls' meters
                    log.warn("Twilio status report refused: status={} reason=\"{}\"", late.httpStatus(),
                            late.getMessage());
                    VertxAnswers.closing(call, late.httpStatus(), late.errorResponse());
                }
            }
        });
        call.addEndHandler(ended -> call.vertx().cancelTimer(timer));
    }

    private void refuse(RoutingContext call, HookRefusal refusal) {
        noted(refusal);
        VertxAnswers.closing(call, refusal.httpStatus(), refusal.errorResponse());
    }

    /** An Okta call's refusal in the call log and the calls' meters, as the route's refusals are. */
    private <R extends HookRefusal> R noted(R refusal) {
        CALL_LOG.refused(refusal);
        metrics.refusal(refusal);
        return refusal;
    }
}
