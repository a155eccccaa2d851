package io.telephonyhook.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Okta's side of the call: a real HTTP POST to the running hook, as Okta makes it. */
public final class OktaClient {

    public static final String SECRET = "Basic b2t0YTp0ZXN0LXNlY3JldA==";
    /** The secret being rotated out (OKTA_HOOK_AUTH_SECRET_PREVIOUS in the tests' configuration). */
    public static final String PREVIOUS_SECRET = "Basic b2t0YTpwcmV2aW91cy1zZWNyZXQ=";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI hook;

    public OktaClient(int port) {
        this(port, "/telephonyHook");
    }

    /** Okta calling the hook at {@code path} (a host's REST context path and the hook's path). */
    public OktaClient(int port, String path) {
        this.hook = URI.create("http://127.0.0.1:" + port + path);
    }

    public URI hookUrl() {
        return hook;
    }

    /** The hook's answer: HTTP status, headers and JSON body, and how long it took. */
    public record Answer(int status, HttpResponse<String> raw, JsonNode json, Duration took) {

        /** The single action of Okta's command ({@code commands[0].value[0]}). */
        public JsonNode action() {
            return json.path("commands").path(0).path("value").path(0);
        }

        public String actionStatus() {
            return action().path("status").asText();
        }

        public String metadata() {
            return action().path("transactionMetadata").asText();
        }
    }

    public Answer post(OktaRequest request) {
        return post(request.json(), "Authorization", SECRET);
    }

    public Answer post(String body, String authHeader, String authValue) {
        return post(body, authHeader, authValue, hook.getPath());
    }

    /** A POST to another path of the same server. */
    public Answer post(String body, String authHeader, String authValue, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(hook.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authHeader != null) {
            builder.header(authHeader, authValue);
        }
        return send(builder);
    }

    /**
     * Exactly these bytes, declared as {@code contentType}, with the secret: for bodies a string cannot carry (bytes
     * that are not UTF-8) and for content types other than plain {@code application/json}.
     */
    public Answer post(byte[] body, String contentType) {
        return send(HttpRequest.newBuilder(hook)
                .header("Content-Type", contentType)
                .header("Authorization", SECRET)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private Answer send(HttpRequest.Builder builder) {
        builder.timeout(Duration.ofSeconds(10)).header("Accept", "application/json");
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            return new Answer(response.statusCode(), response, JSON.readTree(response.body()), took);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
