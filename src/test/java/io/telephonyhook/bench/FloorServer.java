package io.telephonyhook.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;

import io.telephonyhook.delivery.CallDeadline;
import io.telephonyhook.delivery.DeliveryOutcome;
import io.telephonyhook.delivery.FailureReason;
import io.telephonyhook.okta.OktaAnswer;
import io.telephonyhook.okta.OktaResponseRenderer;
import io.telephonyhook.phone.E164Number;
import io.telephonyhook.phone.PhoneNumberNormalizer;
import io.telephonyhook.twilio.TwilioAccount;
import io.telephonyhook.twilio.TwilioClients;
import io.telephonyhook.twilio.TwilioDeadlineException;
import io.telephonyhook.twilio.TwilioRequestListener;
import io.telephonyhook.twilio.TwilioTransport;
import io.telephonyhook.twilio.VoiceScript;

/**
 * The floor the hook is measured against: the smallest honest server doing the same work without Camel or Spring.
 * JDK HttpServer, Jackson, libphonenumber, the same Twilio SDK call through the same HTTP seam, the same answer:
 * {@code SUCCESSFUL} with the SID, or {@code FAILED} (HTTP 200) when Twilio fails, as the hook answers, so both
 * targets spend the same on a failure and neither turns one into an error the other would not.
 * Configured by the hook's own environment variables ({@code PORT}, {@code OKTA_HOOK_AUTH_SECRET},
 * {@code TWILIO_API_URL}, {@code TWILIO_ACCOUNT_SID}, {@code TWILIO_AUTH_TOKEN}, {@code TWILIO_FROM_NUMBER}), so it
 * authenticates to Twilio exactly as the hook does. No circuit breaker, no metrics, no log line per call.
 */
public final class FloorServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofMillis(2500);

    private final byte[] secretDigest;
    private final String from;
    private final PhoneNumberNormalizer phoneNumbers = new PhoneNumberNormalizer("US");
    private final VoiceScript voiceScript = new VoiceScript();
    private final OktaResponseRenderer answers = new OktaResponseRenderer();
    private final TwilioClients twilio;

    private FloorServer(Map<String, String> env) {
        this.secretDigest = sha256(env.get("OKTA_HOOK_AUTH_SECRET"));
        this.from = env.get("TWILIO_FROM_NUMBER");
        TwilioAccount account = new TwilioAccount(TwilioAccount.PRIMARY, URI.create(env.get("TWILIO_API_URL")),
                env.get("TWILIO_ACCOUNT_SID"), env.get("TWILIO_AUTH_TOKEN"), env.get("TWILIO_ACCOUNT_SID"), null, null);
        this.twilio = new TwilioClients(account, new TwilioTransport(account.apiUrl(), Duration.ofSeconds(1)),
                TwilioRequestListener.NONE);
    }

    public static void main(String[] args) throws IOException {
        // Tomcat sets TCP_NODELAY; without it the JDK server's answer (headers, then body) can wait ~40 ms on Nagle.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        FloorServer floor = new FloorServer(System.getenv());
        int port = Integer.parseInt(System.getenv("PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        server.createContext("/telephonyHook", floor::handle);
        server.setExecutor(Executors.newFixedThreadPool(200));
        server.start();
        System.out.println("Floor server listening on " + port);
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, JSON.createObjectNode().put("error", "method"));
                return;
            }
            String presented = exchange.getRequestHeaders().getFirst("Authorization");
            if (presented == null || !MessageDigest.isEqual(secretDigest, sha256(presented))) {
                reply(exchange, 401, JSON.createObjectNode().put("error", "unauthorized"));
                return;
            }
            JsonNode profile;
            try (InputStream body = exchange.getRequestBody()) {
                profile = JSON.readTree(body.readNBytes(64 * 1024)).path("data").path("messageProfile");
            } catch (JacksonException malformed) {
                reply(exchange, 400, JSON.createObjectNode().put("error", "malformed"));
                return;
            }
            OktaAnswer answer = answers.command(deliver(profile, CallDeadline.after(arrived, DEADLINE)));
            reply(exchange, answer.httpStatus(), answer.body());
        }
    }

    private DeliveryOutcome deliver(JsonNode profile, CallDeadline deadline) {
        Optional<E164Number> to = phoneNumbers.normalize(profile.path("phoneNumber").asText());
        if (to.isEmpty()) {
            return DeliveryOutcome.failed(FailureReason.INVALID_NUMBER);
        }
        String otp = profile.path("otpCode").asText();
        TwilioRestClient client = twilio.withinDeadline(deadline);
        try {
            boolean voice = profile.path("deliveryChannel").asText().toLowerCase(Locale.ROOT).contains("voice");
            if (voice) {
                Call call = Call.creator(new PhoneNumber(to.get().value()), new PhoneNumber(from),
                        voiceScript.forCode(otp, Locale.forLanguageTag(profile.path("locale").asText("en-US"))))
                        .create(client);
                return DeliveryOutcome.delivered(call.getSid(), text(call.getStatus()));
            }
            String text = profile.path("msgTemplate").asText();
            int validity = (int) Math.max(1, Duration.between(Instant.now(),
                    Instant.parse(profile.path("otpExpires").asText())).toSeconds());
            Message message = Message.creator(new PhoneNumber(to.get().value()), new PhoneNumber(from),
                    text.contains(otp) ? text : "Your verification code is " + otp)
                    .setValidityPeriod(validity).create(client);
            return DeliveryOutcome.delivered(message.getSid(), text(message.getStatus()));
        } catch (TwilioDeadlineException late) {
            return DeliveryOutcome.failed(FailureReason.DEADLINE);
        } catch (TwilioException failed) {
            // Refused, failed or not reached: one reason for all. Only the hook tells a rejected number from an outage
            // (for its breaker); the benchmark's stand-in rejects nothing.
            return DeliveryOutcome.failed(FailureReason.TWILIO_UNAVAILABLE);
        } catch (RuntimeException unexpected) {
            return DeliveryOutcome.internalError(); // as the hook: Okta still gets a FAILED it can act on
        }
    }

    private static String text(Object status) {
        return status == null ? null : status.toString();
    }

    private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }
}
