package io.telephonyhook.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.telephonyhook.twilio.TwilioAccount;

/**
 * A small Twilio look-alike on loopback for demo mode: it answers the two REST calls the hook makes
 * ({@code POST /2010-04-01/Accounts/{sid}/Messages.json} and {@code .../Calls.json}) the way Twilio does, over
 * real HTTP, so demo mode runs exactly the code path live mode runs. It keeps the last deliveries in memory.
 */
public class TwilioSimulator {

    /** What every host logs at start-up in demo mode. */
    public static final String DEMO_BANNER = """

            ************************************************************************************
              DEMO MODE: TWILIO_ACCOUNT_SID is not set, so NOTHING IS REALLY SENT.
              SMS and calls go to the built-in Twilio simulator over HTTP on loopback.
              Authentication: the demo secret from the README (Okta's example value).
              See what would have been sent: GET /simulator/messages (standalone application)
              To go live, set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER and
              OKTA_HOOK_AUTH_SECRET (README: "Going live").
            ************************************************************************************""";

    public static final String ACCOUNT_SID = "AC00000000000000000000000000000000";
    /** Twilio's own "magic" test sender number: valid, and never a real phone. */
    public static final String FROM_NUMBER = "+15005550006";
    private static final int KEPT = 100;
    private static final Pattern RESOURCE = Pattern.compile("/2010-04-01/Accounts/(AC\\w+)/(Messages|Calls)\\.json");

    private final ObjectMapper json;
    private final Clock clock;
    /**
     * The auth token the hook uses with the simulator, and that the simulator signs its status reports with: new at
     * each start and never shown, so no one but the simulator can sign a report the demo hook takes.
     */
    private final String authToken = newAuthToken();
    private final List<SimulatedDelivery> deliveries = Collections.synchronizedList(new ArrayList<>());
    private HttpServer server;
    private final ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "twilio-simulator-callbacks");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient callbacks = HttpClient.newHttpClient();

    public TwilioSimulator(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public synchronized void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/2010-04-01/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "twilio-simulator");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    public synchronized void stop() {
        reporter.shutdownNow();
        if (server != null) {
            server.stop(0);
        }
    }

    /** The account the hook uses to talk to this simulator. */
    public TwilioAccount account() {
        URI url = URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
        return new TwilioAccount(url, ACCOUNT_SID, authToken, ACCOUNT_SID);
    }

    /** The deliveries accepted so far, newest last (at most the last 100). */
    public List<SimulatedDelivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher resource = RESOURCE.matcher(exchange.getRequestURI().getPath());
            if (!"POST".equals(exchange.getRequestMethod()) || !resource.matches()) {
                reply(exchange, 404, Map.of("code", 20404, "message", "The requested resource was not found",
                        "status", 404));
                return;
            }
            if (!authorized(exchange)) {
                reply(exchange, 401, Map.of("code", 20003, "message", "Authenticate", "status", 401));
                return;
            }
            Map<String, String> form = formFields(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            boolean call = resource.group(2).equals("Calls");
            SimulatedDelivery delivery = new SimulatedDelivery(
                    (call ? "CA" : "SM") + UUID.randomUUID().toString().replace("-", ""),
                    call ? "call" : "sms",
                    clock.instant(),
                    form.get("To"),
                    form.get("From"),
                    form.get("MessagingServiceSid"),
                    form.get("Body"),
                    form.get("Twiml"),
                    form.get("Url"),
                    form.containsKey("ValidityPeriod") ? Integer.valueOf(form.get("ValidityPeriod")) : null);
            remember(delivery);
            reply(exchange, 201, twilioResource(resource.group(1), delivery));
            if (form.containsKey("StatusCallback")) {
                reportLater(URI.create(form.get("StatusCallback")), delivery);
            }
        }
    }

    /**
     * As Twilio does: the statuses of a message ({@code sent}, then {@code delivered}) or a call ({@code completed})
     * posted to its StatusCallback, form-encoded and signed with the account's auth token ({@code X-Twilio-Signature}).
     * One after the other, in Twilio's usual order: each report is posted 200 ms after the hook answered the one
     * before, so the demo's history reads queued, sent, delivered. The hook's route checks the signature as it would
     * Twilio's, so the demo shows the whole loop.
     */
    private void reportLater(URI callback, SimulatedDelivery delivery) {
        boolean call = delivery.kind().equals("call");
        reportInTurn(callback, delivery, call ? List.of("completed") : List.of("sent", "delivered"));
    }

    private void reportInTurn(URI callback, SimulatedDelivery delivery, List<String> statuses) {
        if (statuses.isEmpty() || reporter.isShutdown()) {
            return;
        }
        reporter.schedule(() -> report(callback, delivery, statuses.get(0))
                        .whenComplete((answered, failed) -> reportInTurn(callback, delivery,
                                statuses.subList(1, statuses.size()))),
                200, TimeUnit.MILLISECONDS);
    }

    private CompletableFuture<?> report(URI callback, SimulatedDelivery delivery, String status) {
        Map<String, String> form = new TreeMap<>();
        form.put("AccountSid", ACCOUNT_SID);
        form.put("ApiVersion", "2010-04-01");
        form.put("From", delivery.from() == null ? "" : delivery.from());
        form.put("To", delivery.to());
        if (delivery.kind().equals("call")) {
            form.put("CallSid", delivery.sid());
            form.put("CallStatus", status);
            form.put("Direction", "outbound-api");
        } else {
            form.put("MessageSid", delivery.sid());
            form.put("MessageStatus", status);
            form.put("SmsSid", delivery.sid());
            form.put("SmsStatus", status);
        }
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(callback)
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSignature.of(authToken, callback.toString(), form))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return callbacks.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    }

    private boolean authorized(HttpExchange exchange) {
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString((ACCOUNT_SID + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        return expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private void remember(SimulatedDelivery delivery) {
        synchronized (deliveries) {
            deliveries.add(delivery);
            if (deliveries.size() > KEPT) {
                deliveries.remove(0);
            }
        }
    }

    private static String newAuthToken() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** The fields of Twilio's Message/Call resources that the SDK reads back. */
    private static Map<String, Object> twilioResource(String accountSid, SimulatedDelivery delivery) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("sid", delivery.sid());
        resource.put("account_sid", accountSid);
        resource.put("to", delivery.to());
        resource.put("from", delivery.from());
        resource.put("status", "queued");
        if (delivery.body() != null) {
            resource.put("body", delivery.body());
            resource.put("messaging_service_sid", delivery.messagingServiceSid());
        }
        return resource;
    }

    private void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** The fields of a form-encoded body, as the Twilio SDK sends them ({@code To=%2B1415...&Body=...}). */
    public static Map<String, String> formFields(String encoded) {
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
}
