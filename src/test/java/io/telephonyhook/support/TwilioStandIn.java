package io.telephonyhook.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.telephonyhook.simulator.TwilioSimulator;

/**
 * Twilio's REST API as the real Twilio SDK sees it: a real HTTP server on loopback, as strict as Twilio where a
 * wrong hook would otherwise pass: it refuses wrong credentials (Basic, with the account SID or an API key SID and
 * its secret: 401, Twilio error 20003), another account's path or an unknown resource (404, 20404), anything but a
 * form POST (405 / 415), and a message or call without its required fields or over Twilio's limits (400 with
 * Twilio's error code): {@code To}; {@code From} or {@code MessagingServiceSid}; {@code Body} of at most 1600
 * characters; {@code Twiml} of at most 4000 characters, or {@code Url}; {@code ValidityPeriod} from 1 to 36000
 * seconds. A {@code From} must be a number in E.164 or, for a message, an alphanumeric sender ID as Twilio defines
 * it (1 to 11 ASCII letters, digits and spaces, at least one letter); anything else is 21212, Twilio's invalid
 * {@code From}. Twilio also takes forms the hook never sends (national US numbers, {@code client:}, {@code sip:},
 * {@code whatsapp:} addresses): the stand-in refuses those, so a hook that started sending them would be caught. What it accepts it answers like Twilio (201 with a SID; {@code status} {@code accepted} when a Messaging
 * Service sends, {@code queued} otherwise). A test scripts its replies to valid requests (errors, slowness, a hang, a
 * dropped connection), and reads every request it received and every SID it accepted.
 *
 * <p>{@link #startCounting()} gives the same stand-in keeping no request, only {@link #counts()}: for the benchmark,
 * whose hundreds of thousands of requests would otherwise grow its lists, and make it slower for whichever target
 * runs later.
 */
public final class TwilioStandIn {

    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "stand-in-token";
    /** An API key of the account: its SID and secret authenticate instead of the account SID and token. */
    public static final String API_KEY_SID = "SK0123456789abcdef0123456789abcdef";
    public static final String API_KEY_SECRET = "stand-in-api-key-secret";

    /** Twilio's generic code for a parameter out of range (the stand-in uses it where the exact code does not matter). */
    private static final int INVALID_PARAMETER = 20001;
    /** Twilio's error for a {@code From} that is neither a number nor (SMS only) an alphanumeric sender ID. */
    private static final int INVALID_FROM = 21212;
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Pattern ALPHANUMERIC_SENDER_ID = Pattern.compile("(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}");
    private static final Pattern RESOURCE = Pattern.compile("/2010-04-01/Accounts/([^/]+)/(Messages|Calls)\\.json");
    /** A second account, as a failover account (TWILIO_FAILOVER_*) would be: {@link #startFailover()}. */
    public static final String FAILOVER_ACCOUNT_SID = "ACfedcba9876543210fedcba9876543210";
    public static final String FAILOVER_AUTH_TOKEN = "stand-in-failover-token";

    /** What Twilio received, with the form fields decoded. */
    public record Received(String method, String path, String query, String authorization, Map<String, String> form) {

        public String field(String name) {
            return form.get(name);
        }
    }

    /** A message or call the stand-in accepted: what Twilio would really have sent, and to whom. */
    public record Accepted(String sid, String to) {
    }

    /**
     * How many requests arrived, how many were accepted (201), and how many were refused for what they were (wrong
     * credentials, path or fields, whatever the script says); scripted errors are the rest.
     */
    public record Counts(long received, long accepted, long refused) {

        /** What arrived between {@code earlier} and this. */
        public Counts since(Counts earlier) {
            return new Counts(received - earlier.received, accepted - earlier.accepted, refused - earlier.refused);
        }
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
    /** False for {@link #startCounting()}: nothing is added to the lists, only to the counters. */
    private final boolean keepsRequests;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private final LongAdder receivedCount = new LongAdder();
    private final LongAdder acceptedCount = new LongAdder();
    private final LongAdder refusedCount = new LongAdder();
    private volatile Function<Received, Reply> script = request -> Reply.accept();
    private volatile boolean inPieces;
    private volatile CountDownLatch release = new CountDownLatch(1);

    private final String accountSid;
    private final Set<String> credentials;

    private TwilioStandIn(boolean keepsRequests, String accountSid, String authToken) throws IOException {
        this.keepsRequests = keepsRequests;
        this.accountSid = accountSid;
        this.credentials = accountSid.equals(ACCOUNT_SID)
                ? Set.of(basic(ACCOUNT_SID, AUTH_TOKEN), basic(API_KEY_SID, API_KEY_SECRET))
                : Set.of(basic(accountSid, authToken));
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
        return start(true);
    }

    /** A stand-in for a second account ({@link #FAILOVER_ACCOUNT_SID}, {@link #FAILOVER_AUTH_TOKEN}), as strict. */
    public static TwilioStandIn startFailover() {
        try {
            return new TwilioStandIn(true, FAILOVER_ACCOUNT_SID, FAILOVER_AUTH_TOKEN);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stand-in for another account of one's own (an org's, say), as strict. */
    public static TwilioStandIn startFor(String accountSid, String authToken) {
        try {
            return new TwilioStandIn(true, accountSid, authToken);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As strict, answering alike, but keeping nothing per request: {@link #received()} and the like refuse. */
    public static TwilioStandIn startCounting() {
        return start(false);
    }

    private static TwilioStandIn start(boolean keepsRequests) {
        try {
            return new TwilioStandIn(keepsRequests, ACCOUNT_SID, AUTH_TOKEN);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The account it stands in for. */
    public String accountSid() {
        return accountSid;
    }

    /** Stops it (most tests leave theirs to the JVM's end). */
    public void close() {
        server.stop(0);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Back to accepting everything at once, with nothing received; hung requests are let go. */
    public void reset() {
        release.countDown();
        release = new CountDownLatch(1);
        script = request -> Reply.accept();
        inPieces = false;
        received.clear();
        accepted.clear();
        receivedCount.reset();
        acceptedCount.reset();
        refusedCount.reset();
    }

    /** Answer each request as the script says. */
    public void script(Function<Received, Reply> script) {
        this.script = script;
    }

    /** Answer every request with this status and Twilio error code, the way Twilio words its errors. */
    public void failWith(int status, int twilioCode) {
        script(request -> Reply.error(status, twilioCode));
    }

    /**
     * Answer as real servers and proxies may: the status and headers at once (chunked), the body in two chunks after
     * the reply's delay, a moment apart, then the end. (Otherwise the stand-in answers with a Content-Length, in one
     * write, after the delay.)
     */
    public void answerInPieces(boolean inPieces) {
        this.inPieces = inPieces;
    }

    /** Accept every request, this long after it arrives. */
    public void answerAfter(Duration delay) {
        script(request -> Reply.acceptAfter(delay));
    }

    public List<Received> received() {
        requireKept();
        return List.copyOf(received);
    }

    /** The SIDs of the messages and calls accepted, i.e. what Twilio would really have sent. */
    public List<String> acceptedSids() {
        return accepted().stream().map(Accepted::sid).toList();
    }

    public List<Accepted> accepted() {
        requireKept();
        return List.copyOf(accepted);
    }

    /** Counted in either mode, since the start or the last {@link #reset()}. */
    public Counts counts() {
        return new Counts(receivedCount.sum(), acceptedCount.sum(), refusedCount.sum());
    }

    private void requireKept() {
        if (!keepsRequests) {
            throw new IllegalStateException("this stand-in only counts requests (startCounting)");
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        CountDownLatch releaseForThisRequest = release;
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Authorization"),
                    TwilioSimulator.formFields(body));
            receivedCount.increment();
            if (keepsRequests) {
                received.add(request);
            }
            Reply reply = refusal(request, exchange.getRequestHeaders().getFirst("Content-Type"));
            if (reply == null) {
                reply = script.apply(request);
            } else {
                refusedCount.increment();
            }
            if (reply.hangs()) {
                await(releaseForThisRequest, Duration.ofSeconds(60));
                return;
            }
            if (reply.drops()) {
                return; // closing the exchange before any response drops the connection
            }
            boolean pieces = inPieces;
            if (pieces) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(reply.status(), 0); // chunked
                exchange.getResponseBody().flush();
            }
            await(releaseForThisRequest, reply.delay());
            String json;
            if (reply.status() == 201) {
                String sid = (request.path().endsWith("/Calls.json") ? "CA" : "SM")
                        + UUID.randomUUID().toString().replace("-", "");
                acceptedCount.increment();
                if (keepsRequests) {
                    accepted.add(new Accepted(sid, request.field("To")));
                }
                String status = request.field("MessagingServiceSid") != null && request.field("From") == null
                        ? "accepted" : "queued";
                json = reply.body() != null ? reply.body() : """
                        {"sid": "%s", "account_sid": "%s", "status": "%s", "to": "%s"}"""
                        .formatted(sid, accountSid, status, request.field("To"));
            } else {
                json = """
                        {"code": %d, "message": "Stand-in error %d", "more_info": "https://www.twilio.com/docs/errors/%d",
                         "status": %d}""".formatted(reply.twilioCode(), reply.twilioCode(), reply.twilioCode(),
                        reply.status());
            }
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            if (pieces) {
                OutputStream out = exchange.getResponseBody();
                out.write(bytes, 0, bytes.length / 2);
                out.flush();
                await(releaseForThisRequest, Duration.ofMillis(5));
                out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
                out.flush();
                return; // closing the exchange writes the last chunk
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException clientWentAway) {
            // the hook gave up waiting (its deadline); nothing to answer
        }
    }

    /** Twilio's answer to a request it refuses whatever the script says; null when Twilio would take it. */
    private Reply refusal(Received request, String contentType) {
        Matcher resource = RESOURCE.matcher(request.path());
        if (!resource.matches()) {
            return Reply.error(404, 20404);
        }
        if (!credentials.contains(request.authorization())) {
            return Reply.error(401, 20003);
        }
        if (!resource.group(1).equals(accountSid)) {
            return Reply.error(404, 20404); // an account these credentials do not own
        }
        if (!"POST".equals(request.method())) {
            return Reply.error(405, 20004);
        }
        if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
            return Reply.error(415, 20001);
        }
        if (blank(request.field("To"))) {
            return Reply.error(400, resource.group(2).equals("Calls") ? 21201 : 21604);
        }
        return resource.group(2).equals("Calls") ? callRefusal(request) : messageRefusal(request);
    }

    private static Reply messageRefusal(Received request) {
        String from = request.field("From");
        if (blank(from) && blank(request.field("MessagingServiceSid"))) {
            return Reply.error(400, 21603);
        }
        if (from != null && !E164.matcher(from).matches() && !ALPHANUMERIC_SENDER_ID.matcher(from).matches()) {
            return Reply.error(400, INVALID_FROM);
        }
        String body = request.field("Body");
        if (blank(body)) {
            return Reply.error(400, 21602);
        }
        if (body.length() > 1600) {
            return Reply.error(400, 21617);
        }
        String validity = request.field("ValidityPeriod");
        if (validity != null && !(validity.matches("[0-9]{1,5}") && Integer.parseInt(validity) >= 1
                && Integer.parseInt(validity) <= 36_000)) {
            return Reply.error(400, INVALID_PARAMETER);
        }
        return null;
    }

    private static Reply callRefusal(Received request) {
        if (blank(request.field("From"))) {
            return Reply.error(400, 21213);
        }
        if (!E164.matcher(request.field("From")).matches()) {
            return Reply.error(400, INVALID_FROM); // calls come from numbers: no alphanumeric sender IDs
        }
        String twiml = request.field("Twiml");
        if (blank(twiml) && blank(request.field("Url")) && blank(request.field("ApplicationSid"))) {
            return Reply.error(400, 21205);
        }
        if (twiml != null && twiml.length() > 4000) {
            return Reply.error(400, INVALID_PARAMETER);
        }
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The Authorization header of HTTP Basic for these credentials. */
    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
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
