package io.telephonyhook.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Twilio's REST API as the real Twilio SDK sees it: a real HTTP server on loopback. By default it accepts every
 * message and call like Twilio does (201 with a SID); a test can make it answer an error or answer slowly, and
 * can read every request it received.
 */
public final class TwilioStandIn {

    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "stand-in-token";

    /** What Twilio received, with the form fields decoded. */
    public record Received(String method, String path, String query, String authorization, Map<String, String> form) {

        public String field(String name) {
            return form.get(name);
        }
    }

    private record Answer(int status, String json) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Answer answer;
    private volatile Duration delay = Duration.ZERO;

    private TwilioStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "twilio-stand-in");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    public static TwilioStandIn start() {
        try {
            return new TwilioStandIn();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Back to accepting everything at once, with nothing received. */
    public void reset() {
        received.clear();
        answer = null;
        delay = Duration.ZERO;
    }

    /** Answer every request with this status and Twilio error code, the way Twilio words its errors. */
    public void failWith(int status, int twilioCode) {
        answer = new Answer(status, """
                {"code": %d, "message": "Stand-in error %d", "more_info": "https://www.twilio.com/docs/errors/%d",
                 "status": %d}""".formatted(twilioCode, twilioCode, twilioCode, status));
    }

    /** Wait this long before answering each request. */
    public void answerAfter(Duration delay) {
        this.delay = delay;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Authorization"),
                    form(body));
            received.add(request);
            sleep(delay);
            Answer reply = answer != null ? answer : accepted(request);
            byte[] bytes = reply.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException clientWentAway) {
            // the hook gave up waiting (its timeout); nothing to answer
        }
    }

    private static Answer accepted(Received request) {
        boolean call = request.path().endsWith("/Calls.json");
        String sid = (call ? "CA" : "SM") + UUID.randomUUID().toString().replace("-", "");
        return new Answer(201, """
                {"sid": "%s", "account_sid": "%s", "status": "queued", "to": "%s"}"""
                .formatted(sid, ACCOUNT_SID, request.field("To")));
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static void sleep(Duration delay) {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
