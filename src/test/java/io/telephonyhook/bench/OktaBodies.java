package io.telephonyhook.bench;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the load generator sends: Okta's own request shape, so the hook, the floor and the peer read, check and answer
 * what they would in production, with enough variety (channels, numbers, codes) that no target answers from a cache.
 */
final class OktaBodies {

    private OktaBodies() {
    }

    /** Realistic Okta bodies, SMS and voice mixed, valid numbers, codes expiring in an hour. */
    static List<String> of(int count) {
        String expires = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString();
        String resource = "/okta-requests/voice-mfa-verification.json";
        try (InputStream template = OktaBodies.class.getResourceAsStream(resource)) {
            ObjectMapper json = new ObjectMapper();
            ObjectNode base = (ObjectNode) json.readTree(template);
            return IntStream.range(0, count).mapToObj(i -> {
                ObjectNode body = base.deepCopy();
                ObjectNode profile = (ObjectNode) body.at("/data/messageProfile");
                String otp = String.format("%06d", (i * 7919) % 1_000_000);
                profile.put("deliveryChannel", i % 4 == 0 ? "voice call" : "SMS");
                profile.put("phoneNumber", String.format("+1415555%04d", 1000 + i % 9000));
                profile.put("otpCode", otp);
                profile.put("msgTemplate", "Your verification code is " + otp);
                profile.put("otpExpires", expires);
                body.put("eventId", "e" + i);
                return body.toString();
            }).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
