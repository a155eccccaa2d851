package io.telephonyhook.support;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An Okta telephony hook body, made from Okta's published examples (src/test/resources/okta-requests) with the
 * timestamps moved to now, so tests say only what they change.
 */
public final class OktaRequest {

    public static final String PHONE = "+14155552671";
    public static final String OTP = "482913";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode body;

    private OktaRequest(ObjectNode body) {
        this.body = body;
    }

    /**
     * Okta's example as published (its code expired in 2022), but for its eventId, made unique as each of Okta's
     * calls has its own: the hook answers a repeated eventId with the first call's answer.
     */
    public static OktaRequest example(String name) {
        try (InputStream in = OktaRequest.class.getResourceAsStream("/okta-requests/" + name)) {
            ObjectNode body = (ObjectNode) JSON.readTree(in);
            body.put("eventId", body.path("eventId").asText() + "-" + UUID.randomUUID());
            return new OktaRequest(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A deliverable SMS request: valid number, code expiring in five minutes. */
    public static OktaRequest sms() {
        return example("voice-mfa-verification.json").channel("SMS").phone(PHONE).otp(OTP)
                .expiresIn(Duration.ofMinutes(5));
    }

    /** A deliverable voice request (Okta's "voice call" spelling). */
    public static OktaRequest voice() {
        return sms().channel("voice call");
    }

    public OktaRequest channel(String deliveryChannel) {
        profile().put("deliveryChannel", deliveryChannel);
        return this;
    }

    public OktaRequest phone(String phoneNumber) {
        profile().put("phoneNumber", phoneNumber);
        return this;
    }

    /** The number as a JSON number, as Okta's API reference renders it. */
    public OktaRequest phoneAsNumber(long phoneNumber) {
        profile().put("phoneNumber", phoneNumber);
        return this;
    }

    public OktaRequest otp(String otpCode) {
        profile().put("otpCode", otpCode);
        profile().put("msgTemplate", "Your verification code is " + otpCode);
        return this;
    }

    public OktaRequest otpAsNumber(long otpCode) {
        profile().put("otpCode", otpCode);
        profile().put("msgTemplate", "Your verification code is " + otpCode);
        return this;
    }

    public OktaRequest template(String msgTemplate) {
        profile().put("msgTemplate", msgTemplate);
        return this;
    }

    public OktaRequest locale(String locale) {
        profile().put("locale", locale);
        return this;
    }

    public OktaRequest eventId(String eventId) {
        body.put("eventId", eventId);
        return this;
    }

    /** Okta's {@code source}: the hook's URL at the Okta org that calls. */
    public OktaRequest source(String source) {
        body.put("source", source);
        return this;
    }

    public String eventId() {
        return body.path("eventId").asText();
    }

    public OktaRequest expiresIn(Duration fromNow) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        body.put("eventTime", now.toString());
        profile().put("otpExpires", now.plus(fromNow).toString());
        return this;
    }

    public OktaRequest withoutRequestType() {
        body.remove("requestType");
        return this;
    }

    public OktaRequest withoutProfileField(String field) {
        profile().remove(field);
        return this;
    }

    public OktaRequest withoutMessageProfile() {
        ((ObjectNode) body.get("data")).remove("messageProfile");
        return this;
    }

    public String json() {
        return body.toString();
    }

    private ObjectNode profile() {
        return (ObjectNode) body.get("data").get("messageProfile");
    }
}
