package io.telephonyhook.vertx;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.HttpEndpointModel;
import org.apache.camel.component.platform.http.PlatformHttpComponent;

import io.telephonyhook.okta.OktaErrorResponse;

/**
 * What a Vert.x server of the hook's answers itself, in Okta's error object as the Spring Boot hosts'
 * error pages do: a path no route serves, a method the path does not take, and Vert.x's own refusals and failures.
 */
public final class VertxAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private VertxAnswers() {
    }

    /** What no route serves: 405 with the methods the path has, else 404; Okta's error object either way. */
    public static void unserved(CamelContext camel, RoutingContext call) {
        String path = call.normalizedPath(); // as the router matched it
        Set<String> allowed = new TreeSet<>();
        PlatformHttpComponent http = camel.getComponent("platform-http", PlatformHttpComponent.class);
        for (HttpEndpointModel endpoint : http.getHttpEndpoints()) {
            if (endpoint.getUri().equals(path) && endpoint.getVerbs() != null) {
                for (String verb : endpoint.getVerbs().split(",")) {
                    allowed.add(verb.strip().toUpperCase(Locale.ROOT));
                }
            }
        }
        if (allowed.isEmpty()) {
            write(call, 404, OktaErrorResponse.of("Not Found", "Not Found", "NOT_FOUND", null, null));
        } else {
            call.response().putHeader("Allow", String.join(", ", allowed));
            write(call, 405, OktaErrorResponse.of("Method Not Allowed", "Method Not Allowed", "METHOD_NOT_ALLOWED",
                    null, null));
        }
    }

    /** Vert.x's own refusals (a body over camel.server.maxBodySize: 413) and failures, as JSON, never a trace. */
    public static void failed(RoutingContext call) {
        if (call.response().ended()) {
            return;
        }
        int status = call.statusCode() >= 400 ? call.statusCode() : 500;
        String phrase = status == 413 ? "Request Entity Too Large" : status < 500 ? "Bad Request" : "Internal Error";
        OktaErrorResponse error = OktaErrorResponse.of(phrase, phrase, "HTTP_" + status, null, null);
        if (status == 413 && !call.request().isEnded()) { // the rest of a body too large is never read
            closing(call, status, error);
        } else {
            write(call, status, error);
        }
    }

    /**
     * A refusal before the body is read: a body up to {@code maxBody} is let in and dropped, so the caller reads the
     * answer whole; a larger one, or one of unknown length, is never read (the connection is closed).
     */
    static void beforeTheBody(RoutingContext call, int status, OktaErrorResponse error, long maxBody) {
        HttpServerRequest request = call.request();
        long length = declaredLength(request);
        boolean small = request.isEnded() || length >= 0 && length <= maxBody;
        if (!small) {
            closing(call, status, error);
            return;
        }
        if (!request.isEnded()) {
            request.handler(dropped -> { });
            request.resume();
        }
        write(call, status, error);
    }

    /** The length a request declares; -1 when it declares none (chunked) or none readable. */
    static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        // read on every Okta call now: 1 to 12 ASCII digits, checked by hand rather than with a matcher per call
        if (length == null || length.isEmpty() || length.length() > 12) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < length.length(); i++) {
            char digit = length.charAt(i);
            if (digit < '0' || digit > '9') {
                return -1;
            }
            value = value * 10 + (digit - '0');
        }
        return value;
    }

    /** An answer after which the connection is closed (what is left of the request is never read). */
    static void closing(RoutingContext call, int status, OktaErrorResponse error) {
        call.response().putHeader("Connection", "close");
        write(call, status, error).onComplete(written -> call.request().connection().close());
    }

    public static Future<Void> write(RoutingContext call, int status, OktaErrorResponse error) {
        return call.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(json(error));
    }

    /** Okta's error object as the bytes of an answer. */
    public static Buffer json(OktaErrorResponse error) {
        try {
            return Buffer.buffer(JSON.writeValueAsBytes(error));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
