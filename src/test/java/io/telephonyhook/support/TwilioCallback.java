package io.telephonyhook.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.telephonyhook.simulator.TwilioSignature;

/**
 * A status report as Twilio posts it to a StatusCallback URL: form-encoded, with {@code X-Twilio-Signature} computed
 * as Twilio documents it (the URL, then each parameter's name and value in name order, HMAC-SHA1 with the auth token,
 * Base64): the simulator's signer, checked by the hook with the Twilio SDK's own validator, so an error in either
 * fails the tests.
 */
public final class TwilioCallback {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TwilioCallback() {
    }

    /** The parameters Twilio sends for an SMS status. */
    public static Map<String, String> smsStatus(String sid, String status, Integer errorCode) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", TwilioStandIn.ACCOUNT_SID);
        form.put("ApiVersion", "2010-04-01");
        form.put("From", "+15017122661");
        form.put("MessageSid", sid);
        form.put("MessageStatus", status);
        form.put("SmsSid", sid);
        form.put("SmsStatus", status);
        form.put("To", OktaRequest.PHONE);
        if (errorCode != null) {
            form.put("ErrorCode", String.valueOf(errorCode));
        }
        return form;
    }

    /** The parameters Twilio sends for a call's final status. */
    public static Map<String, String> callStatus(String sid, String status) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", TwilioStandIn.ACCOUNT_SID);
        form.put("ApiVersion", "2010-04-01");
        form.put("CallSid", sid);
        form.put("CallStatus", status);
        form.put("Called", OktaRequest.PHONE);
        form.put("Direction", "outbound-api");
        form.put("From", "+15017122661");
        form.put("To", OktaRequest.PHONE);
        return form;
    }

    public static String signature(String authToken, String url, Map<String, String> form) {
        return TwilioSignature.of(authToken, url, form);
    }

    /** Posts {@code form} to {@code url} with the given signature header (null: none). */
    public static HttpResponse<String> post(URI url, Map<String, String> form, String signature) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signed as Twilio signs it, for the URL it is posted to. */
    public static HttpResponse<String> postSigned(URI url, Map<String, String> form) {
        return post(url, form, signature(TwilioStandIn.AUTH_TOKEN, url.toString(), form));
    }
}
