package io.telephonyhook.camelmain;

import java.util.function.Supplier;

import io.vertx.core.Handler;
import io.vertx.ext.auth.authentication.AuthenticationProvider;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.AuthenticationHandler;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.component.platform.http.vertx.auth.AuthenticationConfig;
import org.apache.camel.component.platform.http.vertx.auth.AuthenticationConfig.AuthenticationConfigEntry;

/**
 * Puts a handler first on camel-main's HTTP server before its port listens. camel-platform-http-vertx makes the router
 * and opens the port in one start-up step, so a handler added once the server runs leaves a gap (30-130 ms here) in
 * which a call meets the bare router and gets Vert.x's HTML 404. The one thing the server puts on its router in that
 * step is its authentication entries ({@code camel.server.authentication*}), so the handler goes in as one, for every
 * path: it authenticates nothing itself, it is only the first handler, and it passes on what it does not guard. Entries
 * an application configures stay as they were.
 */
final class BeforeListening {

    private BeforeListening() {
    }

    /**
     * @param handler asked for once, when the server starts (the routes are loaded by then, so paths can be known)
     */
    static void install(MainHttpServer server, Supplier<Handler<RoutingContext>> handler) {
        AuthenticationConfigEntry entry = new AuthenticationConfigEntry();
        entry.setPath("/*");
        entry.setAuthenticationProviderFactory(vertx -> null); // no provider: the handler does its own checks
        entry.setAuthenticationHandlerFactory(new AuthenticationConfig.AuthenticationHandlerFactory() {
            @Override
            public <T extends AuthenticationProvider> AuthenticationHandler createAuthenticationHandler(T none) {
                Handler<RoutingContext> first = handler.get();
                return first::handle;
            }
        });
        AuthenticationConfig entries = server.getConfiguration().getAuthenticationConfig();
        entries.getEntries().add(entry);
        entries.setEnabled(true);
    }
}
