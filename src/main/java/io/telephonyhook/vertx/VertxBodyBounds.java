package io.telephonyhook.vertx;

import io.vertx.ext.web.RoutingContext;

import io.telephonyhook.config.HookSettings;
import io.telephonyhook.observability.CallLog;
import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.okta.HookRefusal;
import io.telephonyhook.okta.RequestTimeoutException;
import io.telephonyhook.okta.RequestTooLargeException;

/**
 * The bounds on a call's body on a Vert.x server of the hook's, as the servlet guards' on Tomcat
 * ({@code BodySizeLimitFilter}): a body declared over {@code HOOK_MAX_BODY} is refused 413 before a byte of it is read,
 * one that grows past it as it is read (no declared length) 413 as well, and one not all in by the call's deadline
 * 408. An Okta call's refusal is logged and counted as the route's are; the connection is closed either way, what is
 * left of the body never read.
 */
final class VertxBodyBounds {

    private static final CallLog CALL_LOG = new CallLog();

    private final HookSettings hook;
    private final CallMetrics metrics;

    VertxBodyBounds(HookSettings hook, CallMetrics metrics) {
        this.hook = hook;
        this.metrics = metrics;
    }

    /** Refuses an Okta call whose declared length is over the limit; whether it did. */
    boolean refusedBeforeTheBody(RoutingContext call) {
        if (VertxAnswers.declaredLength(call.request()) <= hook.maxBodyBytes()) {
            return false;
        }
        refuse(call, new RequestTooLargeException(hook.maxBodyBytes()));
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
                } else { // not an Okta call: neither in the call log nor in its meters
                    VertxAnswers.closing(call, late.httpStatus(), late.errorResponse());
                }
            }
        });
        call.addEndHandler(ended -> call.vertx().cancelTimer(timer));
    }

    private void refuse(RoutingContext call, HookRefusal refusal) {
        CALL_LOG.refused(refusal);
        metrics.refusal(refusal);
        VertxAnswers.closing(call, refusal.httpStatus(), refusal.errorResponse());
    }
}
