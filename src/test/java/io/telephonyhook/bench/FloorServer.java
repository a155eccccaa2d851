package io.telephonyhook.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;

import io.telephonyhook.delivery.CallDeadline;
import io.telephonyhook.phone.E164Number;
import io.telephonyhook.phone.PhoneNumberNormalizer;
import io.telephonyhook.twilio.DeadlineBoundHttpClient;
import io.telephonyhook.twilio.TwilioRequestListener;
import io.telephonyhook.twilio.TwilioTransport;
import io.telephonyhook.twilio.VoiceScript;

/**
 * The floor the hook is measured against: the smallest honest server doing the same work without Camel or Spring.
 * JDK HttpServer, Jackson, libphonenumber, the same Twilio SDK call through the same HTTP seam, the same answer.
 * Usage: {@code FloorServer <port> <twilioApiUrl> <authSecret>}.
 */
public final class FloorServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FROM = "+15017122661";

    private final byte[] secretDigest;
    private final PhoneNumberNormalizer phoneNumbers = new PhoneNumberNormalizer("US");
    private final VoiceScript voiceScript = new VoiceScript();
    private final TwilioTransport transport;

    private FloorServer(URI twilioApiUrl, String secret) throws Exception {
        this.transport = new TwilioTransport(twilioApiUrl, Duration.ofSeconds(1));
        this.secretDigest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        FloorServer floor = new FloorServer(URI.create(args[1]), args[2]);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(args[0])), 1024);
        server.createContext("/telephonyHook", floor::handle);
        server.setExecutor(Executors.newFixedThreadPool(200));
        server.start();
        System.out.println("Floor server listening on " + args[0]);
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, JSON.createObjectNode().put("error", "method"));
                return;
            }
            String presented = exchange.getRequestHeaders().getFirst("Authorization");
            if (presented == null || !MessageDigest.isEqual(secretDigest, MessageDigest.getInstance("SHA-256")
                    .digest(presented.getBytes(StandardCharsets.UTF_8)))) {
                reply(exchange, 401, JSON.createObjectNode().put("error", "unauthorized"));
                return;
            }
            JsonNode profile;
            try (InputStream body = exchange.getRequestBody()) {
                profile = JSON.readTree(body.readNBytes(64 * 1024)).path("data").path("messageProfile");
            }
            reply(exchange, 200, deliver(profile, CallDeadline.after(arrived, Duration.ofMillis(2500))));
        } catch (Exception e) {
            reply(exchange, 500, JSON.createObjectNode().put("error", e.getClass().getSimpleName()));
        }
    }

    private ObjectNode deliver(JsonNode profile, CallDeadline deadline) {
        Optional<E164Number> to = phoneNumbers.normalize(profile.path("phoneNumber").asText());
        String otp = profile.path("otpCode").asText();
        if (to.isEmpty()) {
            return command("FAILED", null, "reason=invalid-number");
        }
        TwilioRestClient client = new TwilioRestClient.Builder("AC0123456789abcdef0123456789abcdef", "token")
                .accountSid("AC0123456789abcdef0123456789abcdef")
                .httpClient(new DeadlineBoundHttpClient(transport, () -> deadline, TwilioRequestListener.NONE, null))
                .build();
        try {
            boolean voice = profile.path("deliveryChannel").asText().toLowerCase(Locale.ROOT).contains("voice");
            if (voice) {
                Call call = Call.creator(new PhoneNumber(to.get().value()), new PhoneNumber(FROM),
                        voiceScript.forCode(otp, Locale.forLanguageTag(profile.path("locale").asText("en-US"))))
                        .create(client);
                return command("SUCCESSFUL", call.getSid(), "twilioStatus=" + call.getStatus());
            }
            String text = profile.path("msgTemplate").asText();
            int validity = (int) Math.max(1, Duration.between(Instant.now(),
                    Instant.parse(profile.path("otpExpires").asText())).toSeconds());
            Message message = Message.creator(new PhoneNumber(to.get().value()), new PhoneNumber(FROM),
                    text.contains(otp) ? text : "Your verification code is " + otp)
                    .setValidityPeriod(validity).create(client);
            return command("SUCCESSFUL", message.getSid(), "twilioStatus=" + message.getStatus());
        } catch (ApiException failed) {
            return command("FAILED", null, "reason=twilio-unavailable");
        }
    }

    private static ObjectNode command(String status, String sid, String metadata) {
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode action = answer.putArray("commands").addObject().put("type", "com.okta.telephony.action")
                .putArray("value").addObject().put("status", status).put("provider", "TWILIO");
        if (sid != null) {
            action.put("transactionId", sid);
        }
        action.put("transactionMetadata", metadata);
        return answer;
    }

    private static void reply(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
