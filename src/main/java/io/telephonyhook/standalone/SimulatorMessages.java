package io.telephonyhook.standalone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import io.telephonyhook.orgs.OrgDirectory;
import io.telephonyhook.spring.DemoSimulator;

/**
 * Demo mode only: {@code GET /simulator/messages}, what the simulator accepted, i.e. what would have been sent. It holds
 * codes, so it asks for the same credentials as the hook itself (with an orgs file, one org's, and {@code ?org=} its
 * id). In live mode the route matches nothing, so the path is not found, whatever the method, as any unknown path: a
 * route decided per request rather than a controller under a bean condition, because the fast-start layout's Spring AOT
 * fixes conditions in the build (in demo mode). Found by the standalone application's component scan; on Okta's port on
 * Vert.x the server adds it ({@link #onVertx}).
 */
@Configuration(proxyBeanMethods = false)
public class SimulatorMessages {

    static final String PATH = "/simulator/messages";

    @Bean
    RouterFunction<ServerResponse> simulatorMessagesRoute(DemoSimulator demo, OrgDirectory orgs) {
        return RouterFunctions.route()
                .GET(PATH, RequestPredicates.accept(MediaType.APPLICATION_JSON).and(request -> demo.running()),
                        request -> messages(request, demo, orgs))
                .build();
    }

    /** The same on Okta's port on Vert.x ({@code HTTP_SERVER=vertx}); outside demo mode the path is not found. */
    static void onVertx(Router router, DemoSimulator demo, OrgDirectory orgs, ObjectMapper json) {
        router.get(PATH).handler(call -> {
            if (!demo.running()) {
                call.next();
            } else if (!orgs.check(call.request().getParam("org"), call.request()::getHeader).accepted()) {
                call.response().setStatusCode(401).end();
            } else {
                try {
                    call.response().putHeader("Content-Type", "application/json")
                            .end(Buffer.buffer(json.writeValueAsBytes(demo.get().deliveries())));
                } catch (JsonProcessingException impossible) {
                    call.fail(impossible);
                }
            }
        });
    }

    /** With an orgs file, an org's credentials and its id ({@code ?org=acme-prod}); otherwise the hook's own. */
    private static ServerResponse messages(ServerRequest request, DemoSimulator demo, OrgDirectory orgs) {
        if (!orgs.check(request.param("org").orElse(null), request.servletRequest()::getHeader).accepted()) {
            return ServerResponse.status(HttpStatus.UNAUTHORIZED).build();
        }
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(demo.get().deliveries());
    }
}
