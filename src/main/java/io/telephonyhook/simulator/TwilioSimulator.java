package io.telephonyhook.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
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
              HOOK_DEMO_PRIMARY_OUTAGE=true plays a Twilio outage: codes go out through the
              simulated failover account (docs/failover.md).
              To go live, set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER and
              OKTA_HOOK_AUTH_SECRET (README: "Going live").
            ************************************************************************************""";

    public static final String ACCOUNT_SID = "AC00000000000000000000000000000000";
    /** Demo mode's failover account, on the same simulator (docs/failover.md). */
    public static final String FAILOVER_ACCOUNT_SID = "AC11111111111111111111111111111111";
    /** Twilio's own "magic" test sender number: valid, and never a real phone. */
    public static final String FROM_NUMBER = "+15005550006";
    private static final int KEPT = 100;
    private static final Pattern RESOURCE = Pattern.compile("/2010-04-01/Accounts/(AC\\w+)/(Messages|Calls)\\.json");

    private final ObjectMapper json;
    private final Clock clock;
    /** The two accounts' tokens, and demo's outage switch (HOOK_DEMO_PRIMARY_OUTAGE). */
    private final SimulatedAccounts accounts = new SimulatedAccounts();
    private final List<SimulatedDelivery> deliveries = Collections.synchronizedList(new ArrayList<>());
    private HttpServer server;
    private final SimulatedStatusReports reports = new SimulatedStatusReports();

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
        reports.stop();
        if (server != null) {
            server.stop(0);
        }
    }

    /** The primary account the hook uses to talk to this simulator. */
    public TwilioAccount account() {
        return account(TwilioAccount.PRIMARY, ACCOUNT_SID);
    }

    /** The failover account the hook uses to talk to this simulator. */
    public TwilioAccount failoverAccount() {
        return account(TwilioAccount.FAILOVER, FAILOVER_ACCOUNT_SID);
    }

    /** Plays a Twilio outage of the primary account (503 to every request), or ends it. */
    public void primaryOutage(boolean down) {
        accounts.primaryOutage(down);
    }

    private TwilioAccount account(String name, String sid) {
        URI url = URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
        return new TwilioAccount(name, url, sid, accounts.token(sid), sid, null, null);
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
            String account = accounts.authorized(exchange.getRequestHeaders().getFirst("Authorization"));
            if (account == null || !account.equals(resource.group(1))) {
                reply(exchange, 401, Map.of("code", 20003, "message", "Authenticate", "status", 401));
                return;
            }
            if (accounts.isDown(account)) {
                reply(exchange, 503, Map.of("code", 20503, "message", "Service unavailable", "status", 503));
                return;
            }
            Map<String, String> form = formFields(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            boolean call = resource.group(2).equals("Calls");
            SimulatedDelivery delivery = new SimulatedDelivery(
                    (call ? "CA" : "SM") + UUID.randomUUID().toString().replace("-", ""),
                    account.equals(ACCOUNT_SID) ? TwilioAccount.PRIMARY : TwilioAccount.FAILOVER,
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
                reports.reportLater(URI.create(form.get("StatusCallback")), delivery, account, accounts.token(account));
            }
        }
    }

    private void remember(SimulatedDelivery delivery) {
        synchronized (deliveries) {
            deliveries.add(delivery);
            if (deliveries.size() > KEPT) {
                deliveries.remove(0);
            }
        }
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
