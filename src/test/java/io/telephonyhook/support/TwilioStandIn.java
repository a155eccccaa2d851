package io.telephonyhook.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.telephonyhook.simulator.TwilioSimulator;

/**
 * Twilio's REST API as the real Twilio SDK sees it: a real HTTP server on loopback. By default it accepts every
 * message and call like Twilio does (201 with a SID). A test scripts its replies (errors, slowness, a hang, a
 * dropped connection), per request if it likes, and reads every request it received and every SID it accepted.
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

    /** A message or call the stand-in accepted: what Twilio would really have sent, and to whom. */
    public record Accepted(String sid, String to) {
    }

    /** How the stand-in answers one request. */
    public record Reply(int status, Integer twilioCode, Duration delay, boolean hangs, boolean drops, String body) {

        public static Reply accept() {
            return acceptAfter(Duration.ZERO);
        }

        public static Reply acceptAfter(Duration delay) {
            return new Reply(201, null, delay, false, false, null);
        }

        /** Accepts the message (it counts as sent) but answers with this body instead of Twilio's resource. */
        public static Reply acceptWithBody(String body) {
            return new Reply(201, null, Duration.ZERO, false, false, body);
        }

        public static Reply error(int status, int twilioCode) {
            return errorAfter(status, twilioCode, Duration.ZERO);
        }

        public static Reply errorAfter(int status, int twilioCode, Duration delay) {
            return new Reply(status, twilioCode, delay, false, false, null);
        }

        /** Never answers (until the test resets the stand-in). */
        public static Reply hang() {
            return new Reply(0, null, Duration.ZERO, true, false, null);
        }

        /** Closes the connection without a word. */
        public static Reply dropConnection() {
            return new Reply(0, null, Duration.ZERO, false, true, null);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Reply> script = request -> Reply.accept();
    private volatile CountDownLatch release = new CountDownLatch(1);

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

    /** Back to accepting everything at once, with nothing received; hung requests are let go. */
    public void reset() {
        release.countDown();
        release = new CountDownLatch(1);
        script = request -> Reply.accept();
        received.clear();
        accepted.clear();
    }

    /** Answer each request as the script says. */
    public void script(Function<Received, Reply> script) {
        this.script = script;
    }

    /** Answer every request with this status and Twilio error code, the way Twilio words its errors. */
    public void failWith(int status, int twilioCode) {
        script(request -> Reply.error(status, twilioCode));
    }

    /** Accept every request, this long after it arrives. */
    public void answerAfter(Duration delay) {
        script(request -> Reply.acceptAfter(delay));
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The SIDs of the messages and calls accepted, i.e. what Twilio would really have sent. */
    public List<String> acceptedSids() {
        return accepted.stream().map(Accepted::sid).toList();
    }

    public List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    private void handle(HttpExchange exchange) throws IOException {
        CountDownLatch releaseForThisRequest = release;
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Authorization"),
                    TwilioSimulator.formFields(body));
            received.add(request);
            Reply reply = script.apply(request);
            if (reply.hangs()) {
                await(releaseForThisRequest, Duration.ofSeconds(60));
                return;
            }
            if (reply.drops()) {
                return; // closing the exchange before any response drops the connection
            }
            await(releaseForThisRequest, reply.delay());
            String json;
            if (reply.status() == 201) {
                String sid = (request.path().endsWith("/Calls.json") ? "CA" : "SM")
                        + UUID.randomUUID().toString().replace("-", "");
                accepted.add(new Accepted(sid, request.field("To")));
                json = reply.body() != null ? reply.body() : """
                        {"sid": "%s", "account_sid": "%s", "status": "queued", "to": "%s"}"""
                        .formatted(sid, ACCOUNT_SID, request.field("To"));
            } else {
                json = """
                        {"code": %d, "message": "Stand-in error %d", "more_info": "https://www.twilio.com/docs/errors/%d",
                         "status": %d}""".formatted(reply.twilioCode(), reply.twilioCode(), reply.twilioCode(),
                        reply.status());
            }
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException clientWentAway) {
            // the hook gave up waiting (its deadline); nothing to answer
        }
    }

    private static void await(CountDownLatch latch, Duration atMost) {
        if (atMost.isZero()) {
            return;
        }
        try {
            latch.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
