package io.telephonyhook.vertx;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;

import io.telephonyhook.HookRoutes;
import io.telephonyhook.auth.AuthenticationSteps;
import io.telephonyhook.auth.CredentialCheck;
import io.telephonyhook.auth.HookAuthenticationException;
import io.telephonyhook.config.Settings;
import io.telephonyhook.observability.CallLog;
import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.observability.ObservabilitySteps;
import io.telephonyhook.okta.HookRefusal;
import io.telephonyhook.okta.OktaErrorResponse;
import io.telephonyhook.orgs.OrgDirectory;
import io.telephonyhook.orgs.OrgSteps;
import io.telephonyhook.twilio.StatusCallbacks;
import io.telephonyhook.twilio.TwilioSteps;

/**
 * A Vert.x server of camel-platform-http (camel-main's, and the standalone application's with {@code HTTP_SERVER=vertx})
 * guarded as the Spring Boot hosts' servlet filters guard theirs. A first handler on its router, there before the port
 * listens, runs before any route's body handler, while the request is still paused:
 * <ul>
 *   <li>503 with Okta's error object on the hook's paths until the hook's routes have started (Vert.x listens before
 *       they do: a call would get an HTML 404), and again once Camel is stopping (the calls in flight finish), then
 *       the connection closed ({@link #beforeTheRoute} for a call caught in between);</li>
 *   <li>on Okta's path, the credentials checked before a byte of the body is read (401), and on Twilio's status
 *       path the signature header, the form and how many are in ({@link VertxStatusReportGate}): a refused body up
 *       to HOOK_MAX_BODY is let in and dropped, so the caller reads the answer whole; a larger one, or one of unknown
 *       length, is never read (the connection is closed);</li>
 *   <li>a body over {@code HOOK_MAX_BODY} answered 413, one not all in by the call's deadline 408, both logged and
 *       counted ({@link VertxBodyBounds});</li>
 *   <li>the call's arrival noted for its deadline ({@link VertxArrivals}), where the host's deadlines ask for it.</li>
 * </ul>
 * The paths are compared as the router matches them (normalized), so no other spelling of a path passes unguarded.
 * A last handler answers what no route serves with Okta's error object (404, or 405 with {@code Allow}), and a
 * failure handler does for Vert.x's own refusals ({@code camel.server.maxBodySize}'s 413): {@link VertxAnswers}. The
 * route checks everything again, so the YAML stays safe wherever it runs.
 */
public final class VertxGuards {

    private static final CallLog CALL_LOG = new CallLog();
    private static final OktaErrorResponse STARTING = OktaErrorResponse.of("The telephony hook is starting",
            "The telephony hook is starting", "HTTP_503", null, null);
    private static final OktaErrorResponse STOPPING = OktaErrorResponse.of("The telephony hook is stopping",
            "The telephony hook is stopping", "HTTP_503", null, null);

    private final CamelContext camel;
    private final Settings settings;
    /** Whose credentials are checked before the body is read; null when the application checks them itself */
    private OrgDirectory orgs;
    private CallMetrics metrics;
    private String hookPath;
    private String statusPath;
    private volatile boolean open;
    private VertxStatusReportGate statusReports;
    private VertxBodyBounds bodies;
    /** Where each call's arrival is noted for its deadline; null where the host's deadlines do not ask */
    private final VertxArrivals arrivals;

    /** @param arrivals where to note each call's arrival, or null where nothing reads it */
    public VertxGuards(CamelContext camel, Settings settings, VertxArrivals arrivals) {
        this.camel = camel;
        this.settings = settings;
        this.arrivals = arrivals;
    }

    /**
     * The first handler, made once the hook's steps are in the registry and the routes are loaded (the paths depend
     * on the REST configuration): the server asks for it as it starts.
     */
    public Handler<RoutingContext> firstHandler() {
        // the credentials are checked before the body is read unless the application has its own authentication step
        orgs = step(AuthenticationSteps.HOOK_AUTHENTICATOR, OrgSteps.Authentication.class) == null ? null
                : step(OrgSteps.HOOK_ORGS, OrgDirectory.class);
        metrics = step(ObservabilitySteps.HOOK_CALL_METRICS, CallMetrics.class);
        String context = camel.getRestConfiguration().getContextPath();
        String prefix = context == null || context.isBlank() ? "" : "/" + context.replaceAll("^/+|/+$", "");
        hookPath = prefix + settings.hook().getPath();
        statusPath = prefix + StatusCallbacks.PATH;
        statusReports = new VertxStatusReportGate(step(TwilioSteps.STATUS_CALLBACKS, StatusCallbacks.class));
        bodies = new VertxBodyBounds(settings.hook(), metrics);
        return this::first;
    }

    /** Whether the server has the first handler (false when it started before the hook could give it one). */
    public boolean isFirst() {
        return hookPath != null; // set only when the handler is made
    }

    /**
     * Once the server runs: Okta's error object for what no route serves and for Vert.x's own refusals. A body over
     * {@code HOOK_MAX_BODY} that declared no length, which the body handler fails 413 as it reads, is refused on the
     * hook's path as one with a declared length is: logged and counted.
     */
    public void answerTheRest(Router router) {
        router.route().order(Integer.MAX_VALUE).handler(call -> VertxAnswers.unserved(camel, call));
        router.route().failureHandler(call -> {
            if (call.statusCode() == 413 && bodies != null && isHook(call.normalizedPath())
                    && !call.response().ended()) {
                bodies.refuseAsRead(call);
            } else {
                VertxAnswers.failed(call);
            }
        });
    }

    private boolean isHook(String path) {
        return hookPath.equals(path) || path.startsWith(hookPath + "/");
    }

    private <T> T step(String name, Class<T> type) {
        return camel.getRegistry().lookupByNameAndType(name, type);
    }

    private void first(RoutingContext call) {
        HttpServerRequest request = call.request();
        // the path as the router matches it (dot-segments removed, escapes decoded): /./telephonyHook is guarded too
        String path = call.normalizedPath();
        // the hook's path, and with an orgs file each org's (HOOK_PATH/<org id>); both are guarded either way
        boolean hook = isHook(path);
        boolean status = statusPath.equals(path);
        if (!hook && !status) {
            call.next();
            return;
        }
        long arrivedAt = hook && arrivals != null ? arrivals.note(call) : System.nanoTime();
        request.pause(); // until a route's body handler reads it: the checks below may finish later, off this thread
        if (!open && !(open = HookRoutes.started(camel))) {
            call.response().putHeader("Retry-After", "1");
            VertxAnswers.beforeTheBody(call, 503, STARTING, settings.hook().maxBodyBytes());
            return;
        }
        if (camel.isStopping()) {
            VertxAnswers.closing(call, 503, STOPPING);
            return;
        }
        if (request.method() != HttpMethod.POST) {
            call.next();
            return;
        }
        if (status) {
            if (statusReports.admit(call, settings.hook().maxBodyBytes())) {
                bodies.bound(call, arrivedAt, false);
                call.next();
            }
            return;
        }
        if (orgs == null) {
            admit(call, CredentialCheck.accepted("the application's own step"), arrivedAt);
            return;
        }
        String orgId = path.equals(hookPath) ? null : path.substring(hookPath.length() + 1);
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            // an access token may wait for the authorization server's keys (at most a second): not on the event loop
            // (unordered: the checks of calls arriving together run side by side, not one after the other)
            call.vertx().executeBlocking(() -> orgs.check(orgId, request::getHeader), false)
                    .onComplete(checked -> admit(call, checked.succeeded() ? checked.result()
                            : CredentialCheck.refused("could not check the access token"), arrivedAt));
        } else {
            admit(call, orgs.check(orgId, request::getHeader), arrivedAt);
        }
    }

    /**
     * A handler for just before Camel's consumer takes a call, its body read: while Camel stops, the consumer is
     * suspended and would answer an empty 503; a call caught between the first handler and there gets Okta's.
     */
    public Handler<RoutingContext> beforeTheRoute() {
        return call -> {
            if (camel.isStopping()) {
                VertxAnswers.closing(call, 503, STOPPING);
            } else {
                call.next();
            }
        };
    }

    private void admit(RoutingContext call, CredentialCheck check, long arrivedAt) {
        if (!check.accepted()) {
            HookRefusal refusal = new HookAuthenticationException(check.refusal());
            CALL_LOG.refused(refusal);
            metrics.refusal(refusal);
            VertxAnswers.beforeTheBody(call, refusal.httpStatus(), refusal.errorResponse(),
                    settings.hook().maxBodyBytes());
            return;
        }
        if (!bodies.refusedBeforeTheBody(call)) {
            bodies.bound(call, arrivedAt, true);
            call.next();
        }
    }
}
