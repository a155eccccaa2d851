package io.telephonyhook.twilio;

import java.io.ByteArrayInputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.twilio.constant.EnumConstants;
import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.HttpUtility;
import com.twilio.http.Request;
import com.twilio.http.Response;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * The Twilio SDK's HTTP seam, on the JDK's HTTP client, for three reasons the SDK's own client does not serve:
 * <ul>
 *   <li>every request has one bound in all ({@code twilio.timeout}, connection included), so Okta's 3 seconds hold;
 *   <li>no hidden retries: the SDK repeats a 5xx three times, 100 ms apart, which could turn one slow failure into
 *       a late answer to Okta, or one SMS into two. One attempt; the circuit breaker sees every fault;
 *   <li>the base URL is configurable ({@code twilio.api-url}) for a Twilio-compatible server, an egress proxy, or
 *       the demo simulator: the SDK itself only knows {@code https://api.twilio.com} and its regional hosts.
 * </ul>
 * A timeout becomes {@link TwilioTimeoutException}, any other connection failure {@link ApiConnectionException}, each
 * with a short message that names no host and no argument.
 */
public class JdkTwilioHttpClient extends HttpClient {

    private final URI apiUrl;
    private final Duration timeout;
    private final java.net.http.HttpClient http;

    public JdkTwilioHttpClient(URI apiUrl, Duration connectTimeout, Duration timeout) {
        this.apiUrl = apiUrl;
        this.timeout = timeout;
        this.http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
    }

    /** One attempt, no SDK retries (see the class comment). */
    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        CompletableFuture<HttpResponse<byte[]>> exchange =
                http.sendAsync(toJdkRequest(request), HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Response(new ByteArrayInputStream(response.body()), response.statusCode(), headers(response));
        } catch (TimeoutException slow) {
            exchange.cancel(true);
            throw new TwilioTimeoutException("Twilio did not answer within " + timeout.toMillis() + " ms", slow);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof HttpTimeoutException) { // includes HttpConnectTimeoutException
                throw new TwilioTimeoutException("Twilio did not answer in time: " + cause.getClass().getSimpleName(),
                        cause);
            }
            String what = cause instanceof ConnectException ? "could not connect to Twilio" : "Twilio request failed";
            throw new ApiConnectionException(what + ": " + cause.getClass().getSimpleName(), cause);
        } catch (InterruptedException interrupted) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("interrupted while waiting for Twilio", interrupted);
        }
    }

    private HttpRequest toJdkRequest(Request request) {
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

    private static Header[] headers(HttpResponse<?> response) {
        return response.headers().map().entrySet().stream()
                .flatMap(entry -> entry.getValue().stream().map(value -> new BasicHeader(entry.getKey(), value)))
                .toArray(Header[]::new);
    }
}
