package io.telephonyhook.twilio;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.twilio.constant.EnumConstants;
import com.twilio.http.HttpMethod;
import com.twilio.http.HttpUtility;
import com.twilio.http.Request;

/**
 * Sends the Twilio SDK's requests over the JDK's HTTP client to the configured API URL ({@code TWILIO_API_URL}):
 * Twilio's own, a Twilio-compatible server, an egress proxy, or the demo simulator. The SDK itself only knows
 * {@code https://api.twilio.com} and its regional hosts. One instance, shared by every call: it pools connections.
 */
public class TwilioTransport {

    private final URI apiUrl;
    private final HttpClient http;

    /**
     * The client's own work (reading answers of a few hundred bytes) runs on two threads. Its default executor grows a
     * thread per request in flight and keeps them a minute: 70 idle threads after a burst, for nothing.
     */
    private static final int CLIENT_THREADS = 2;

    public TwilioTransport(URI apiUrl, Duration connectTimeout) {
        this.apiUrl = apiUrl;
        AtomicInteger threads = new AtomicInteger();
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newFixedThreadPool(CLIENT_THREADS, task -> {
                    Thread thread = new Thread(task, "twilio-http-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }))
                .build();
    }

    /** Starts the exchange; the caller bounds the wait. */
    CompletableFuture<HttpResponse<byte[]>> send(Request request, Duration timeout) {
        return http.sendAsync(toJdkRequest(request, timeout), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest toJdkRequest(Request request, Duration timeout) {
        // Keep the SDK's path and query, swap scheme, host and port for the configured base URL.
        URL sdkUrl = request.constructURL();
        HttpRequest.Builder builder = HttpRequest.newBuilder(apiUrl.resolve(sdkUrl.getFile()))
                .timeout(timeout)
                .header("User-Agent", HttpUtility.getUserAgentString(request.getUserAgentExtensions(), true))
                .header("Accept", "application/json");
        if (request.requiresAuthentication()) {
            builder.header("Authorization", request.getAuthString());
        }
        for (Map.Entry<String, List<String>> header : request.getHeaderParams().entrySet()) {
            header.getValue().forEach(value -> builder.header(header.getKey(), value));
        }
        if (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.DELETE) {
            return builder.method(request.getMethod().toString(), HttpRequest.BodyPublishers.noBody()).build();
        }
        boolean json = request.getContentType() != null
                && EnumConstants.ContentType.JSON.getValue().equals(request.getContentType().getValue());
        return builder
                .header("Content-Type", json ? "application/json" : "application/x-www-form-urlencoded")
                .method(request.getMethod().toString(),
                        HttpRequest.BodyPublishers.ofString(json ? request.getBody() : request.encodeFormBody()))
                .build();
    }
}
