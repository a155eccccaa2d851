package io.telephonyhook.standalone;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.impl.VertxBuilder;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.telephonyhook.config.Settings;
import io.telephonyhook.okta.OktaErrorResponse;
import io.telephonyhook.vertx.SilenceLimit;
import io.telephonyhook.vertx.VertxAnswers;
import io.telephonyhook.vertx.VertxArrivals;
import io.telephonyhook.vertx.VertxGuards;
import io.telephonyhook.vertx.WorkersOnDemand;

/**
 * Okta's port on Vert.x ({@code HTTP_SERVER=vertx}): a Vert.x server of the hook's own on {@code PORT}, serving the
 * hook's routes through camel-platform-http's Vert.x engine, with the guards camel-main's server has
 * ({@link VertxGuards}) on its router before it listens. Tomcat keeps the management port only.
 * <p>
 * Why a server of its own rather than camel-platform-http-vertx's {@code VertxPlatformHttpServer}: that one takes no
 * {@link HttpServerOptions} (the idle timeout), no handler for requests Vert.x cannot parse (answered here in Okta's
 * JSON, as Tomcat's are), and no worker pool size, and a call runs on a worker thread for the whole of its Twilio
 * request: the pool is the calls admitted ({@code HOOK_MAX_CONCURRENT_CALLS}) and room to answer those past them
 * {@code FAILED} at once, its threads made as calls need them ({@link WorkersOnDemand}).
 */
public final class VertxOktaPort extends ServiceSupport implements CamelContextAware {

    private static final Logger log = LoggerFactory.getLogger(VertxOktaPort.class);
    /** Workers beyond the admitted calls: those past them are answered at once, and Twilio's status reports */
    static final int SPARE_WORKERS = 50;
    /** As Tomcat's keep-alive: an idle connection stays open long enough that a caller never races its closing */
    static final int IDLE_SECONDS = 60;

    private final Settings settings;
    private final VertxArrivals arrivals;
    private final String host;
    private final int configuredPort;
    private final Duration silenceLimit;
    private final Consumer<Router> moreRoutes;
    private CamelContext camel;
    private Vertx vertx;
    private HttpServer server;
    private volatile Handler<RoutingContext> beforeTheRoute;
    private volatile int port = -1;

    /**
     * @param arrivals where the guards note each call's arrival, for its deadline
     * @param host the address to listen on ({@code server.address}), null for all
     * @param port {@code PORT}; 0 for any free one
     * @param silenceLimit the longest silence of a caller while its request's head is due ({@link SilenceLimit}); zero
     *        or less for none
     * @param moreRoutes what the server serves besides the routes (the demo's messages), added before it listens
     */
    public VertxOktaPort(Settings settings, VertxArrivals arrivals, String host, int port, Duration silenceLimit,
            Consumer<Router> moreRoutes) {
        this.settings = settings;
        this.arrivals = arrivals;
        this.host = host == null || host.isBlank() ? "0.0.0.0" : host;
        this.configuredPort = port;
        this.silenceLimit = silenceLimit;
        this.moreRoutes = moreRoutes;
    }

    @Override
    public CamelContext getCamelContext() {
        return camel;
    }

    @Override
    public void setCamelContext(CamelContext camel) {
        this.camel = camel;
    }

    /** The port listened on (the actual one when {@code PORT} is 0); -1 before the server starts. */
    public int port() {
        return port;
    }

    /**
     * A new engine of platform-http's on this server: its consumers find the router by the port, and run the guards'
     * last check ({@link VertxGuards#beforeTheRoute}) before Camel's own handler.
     */
    public VertxPlatformHttpEngine newEngine() {
        VertxPlatformHttpEngine engine = new VertxPlatformHttpEngine() {
            @Override
            public int getServerPort() {
                return port;
            }
        };
        engine.setHandlers(List.of(call -> { // made with the guards, which start before any route
            Handler<RoutingContext> guard = beforeTheRoute;
            if (guard == null) {
                call.next();
            } else {
                guard.handle(call);
            }
        }));
        return engine;
    }

    @Override
    protected void doStart() throws Exception {
        int workers = settings.hook().getMaxConcurrentCalls() + SPARE_WORKERS;
        // Vert.x's own builder: the public one takes no executor, and its fixed pool would keep every worker for good
        vertx = new VertxBuilder(new VertxOptions().setWorkerPoolSize(workers))
                .executorServiceFactory(new WorkersOnDemand()).init().vertx();
        Router router = Router.router(vertx);
        VertxGuards guards = new VertxGuards(camel, settings, arrivals);
        router.route().order(Integer.MIN_VALUE).handler(guards.firstHandler());
        beforeTheRoute = guards.beforeTheRoute();
        moreRoutes.accept(router);
        guards.answerTheRest(router);
        // HTTP/1.1 only, as Tomcat's: Okta posts HTTP/1.1, and Vert.x would otherwise take a client's h2c upgrade
        server = vertx.createHttpServer(new HttpServerOptions().setIdleTimeout(IDLE_SECONDS)
                        .setIdleTimeoutUnit(TimeUnit.SECONDS).setHttp2ClearTextEnabled(false))
                .requestHandler(router)
                .invalidRequestHandler(VertxOktaPort::unreadable);
        if (!silenceLimit.isNegative() && !silenceLimit.isZero()) {
            server.connectionHandler(connection -> SilenceLimit.install(connection, silenceLimit));
        }
        server.listen(configuredPort, host).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        port = server.actualPort();
        long maxBody = settings.hook().maxBodyBytes();
        String name = VertxPlatformHttpRouter.getRouterNameFromPort(port);
        camel.getRegistry().bind(name, new VertxPlatformHttpRouter(null, vertx, router, name) {
            @Override
            public Handler<RoutingContext> bodyHandler() {
                return BodyHandler.create(false).setBodyLimit(maxBody); // past it Vert.x fails the call 413
            }
        });
        log.info("Okta's port on Vert.x: {} (HTTP_SERVER=vertx), {} worker threads for calls", port, workers);
    }

    /** A request Vert.x could not parse (request line, headers): 400 in Okta's error object, then the connection closes. */
    private static void unreadable(HttpServerRequest request) {
        request.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                .putHeader("Connection", "close").end(VertxAnswers.json(OktaErrorResponse.of("Bad Request",
                        "The request could not be read", "HTTP_400", null, null)));
    }

    /** Camel stops it after the routes, their calls in flight answered; on Camel's thread, never an event loop. */
    @Override
    protected void doStop() throws Exception {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            server = null;
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            vertx = null;
        }
        port = -1;
    }
}
