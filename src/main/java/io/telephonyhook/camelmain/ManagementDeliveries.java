package io.telephonyhook.camelmain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.apache.camel.support.service.ServiceHelper;

import io.telephonyhook.deliveries.DeliveryLookup;
import io.telephonyhook.deliverypage.DeliveryPage;

/**
 * {@code GET /observe/deliveries} on camel-main's management server ({@code camel.management.enabled=true}, Camel 4.14
 * and later), beside its health and metrics and never on the port Okta calls: the same look-up as the Spring Boot
 * hosts' {@code /actuator/deliveries} ({@link DeliveryLookup}), and the delivery page at {@code /deliveries}
 * ({@link DeliveryPage}), both behind the viewer's credential. A class of its own, loaded only where Camel has a
 * management server.
 */
final class ManagementDeliveries {

    static final String PATH = "/observe/deliveries";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ManagementDeliveries() {
    }

    /**
     * @param okta the port Okta calls
     * @return whether the host has a management server of its own to serve them on: one on Okta's port (Camel then
     *         shares the main server's router) gets neither
     */
    static boolean install(CamelContext camel, DeliveryLookup lookup, DeliveryPage page, int okta) {
        ManagementHttpServer management = camel.hasService(ManagementHttpServer.class);
        if (management == null || management.getPort() == okta) {
            return false;
        }
        ServiceHelper.startService(management);
        // both may wait on Redis: on a worker thread, never the event loop that serves health and metrics
        management.getRouter().get(PATH).blockingHandler(call -> answer(call, lookup, page), false);
        management.getRouter().get(DeliveryPage.PATH).blockingHandler(call -> write(call,
                page.page(call.request().getHeader("Authorization"), call.request()::getParam)), false);
        return true;
    }

    private static void answer(RoutingContext call, DeliveryLookup lookup, DeliveryPage page) {
        DeliveryPage.Answer refusal = page.refusal(call.request().getHeader("Authorization"));
        if (refusal != null) {
            write(call, refusal);
            return;
        }
        DeliveryLookup.Answer answer = lookup.find(call.request().getParam("eventId"), call.request().getParam("sid"),
                call.request().getParam("status"), call.request().getParam("org"), call.request().getParam("limit"),
                PATH);
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(answer.body());
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        call.response().setStatusCode(answer.status()).putHeader("Content-Type", "application/json")
                .end(Buffer.buffer(body));
    }

    private static void write(RoutingContext call, DeliveryPage.Answer answer) {
        call.response().setStatusCode(answer.status());
        answer.headers().forEach(call.response()::putHeader);
        call.response().end(answer.body());
    }
}
