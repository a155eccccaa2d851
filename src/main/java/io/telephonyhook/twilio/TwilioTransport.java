package io.telephonyhook.twilio;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URL;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLHandshakeException;

import com.twilio.constant.EnumConstants;
import com.twilio.http.HttpMethod;
import com.twilio.http.HttpUtility;
import com.twilio.http.Request;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends the Twilio SDK's requests to the configured API URL ({@code TWILIO_API_URL}): Twilio's own, a Twilio-compatible
 * server, an egress proxy, or the demo simulator. The SDK itself only knows {@code https://api.twilio.com} and its
 * regional hosts. One instance, shared by every call: it pools connections.
 *
 * <p>Each request is sent and its answer read on the thread that asks, the call's own (camel-twilio runs on it,
 * {@link TwilioRequestsOnTheCallingThread}), with Apache HttpClient's blocking client, which the Twilio SDK brings. An
 * answer is read as it arrives, however it is framed (a Content-Length, chunks, pieces a proxy forwards as they
 * come), and no answer waits behind another: there is no reader thread or event loop between the socket and the call.
 * Nothing is retried or redirected here ({@link DeadlineBoundHttpClient} decides the one safe retry), and every request
 * ends by its timeout in all: a request still running then is aborted (its connection closed).
 */
public class TwilioTransport implements AutoCloseable {

    /** Connections kept to Twilio at most; calls in flight are bounded below this by the route's admission. */
    static final int MAX_CONNECTIONS = 500;
    /** The most of an answer read: Twilio's are a few hundred bytes; a larger 2xx is taken as accepted, unread. */
    static final int MAX_ANSWER_BYTES = 256 * 1024;

    private final URI apiUrl;
    private final CloseableHttpClient http;
    /** Aborts a request at its timeout: one thread, idle but for the rare request that runs that long. */
    private final ScheduledThreadPoolExecutor deadlines = abortsAtTimeouts();

    /** @param apiUrl a base URL instead of Twilio's own; null: Twilio's, as the SDK builds each request's URL */
    public TwilioTransport(URI apiUrl, Duration connectTimeout) {
        this.apiUrl = apiUrl;
        // useSystemProperties: the JVM's trust store and proxy settings (javax.net.ssl.*, https.proxyHost), as the
        // JDK's own HTTP client takes them
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .useSystemProperties()
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        // a connection idle this long is checked before reuse: the server may have closed it
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .build();
        this.http = HttpClients.custom()
                .useSystemProperties()
                .setConnectionManager(connections)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .evictExpiredConnections()
                .evictIdleConnections(TimeValue.ofMinutes(1))
                .build();
    }

    /**
     * Sends the request and reads Twilio's answer, on this thread, in at most {@code timeout}.
     *
     * @throws NotSentException  the request cannot have reached Twilio (no connection made in time, refused, an unknown
     *                           host, a failed TLS handshake)
     * @throws TimedOutException Twilio had not answered in full by {@code timeout}: it may have taken the request
     * @throws IOException       anything else (the connection dropped mid-answer): it may have taken the request
     */
    Answer send(Request request, Duration timeout) throws IOException {
        HttpUriRequestBase exchange = toHttpRequest(request, timeout);
        AtomicBoolean aborted = new AtomicBoolean();
        ScheduledFuture<?> abort = deadlines.schedule(() -> {
            aborted.set(true);
            exchange.cancel();
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        try (ClassicHttpResponse response = http.executeOpen(null, exchange, null)) {
            return new Answer(response.getCode(), read(response.getEntity(), exchange));
        } catch (HttpHostConnectException | ConnectTimeoutException | UnknownHostException | SSLHandshakeException
                 | ConnectionRequestTimeoutException notSent) {
            if (aborted.get()) {
                throw new TimedOutException(notSent);
            }
            throw new NotSentException(notSent);
        } catch (IOException failed) {
            if (aborted.get() || failed instanceof InterruptedIOException && !(failed instanceof ConnectTimeoutException)) {
                throw new TimedOutException(failed); // aborted at the timeout, or silent past it (a read timeout)
            }
            throw failed;
        } finally {
            abort.cancel(false);
        }
    }

    /** Aborts waiting for their requests' timeouts (for tests: none once every request has ended). */
    int abortsWaiting() {
        return deadlines.getQueue().size();
    }

    /**
     * A request that ends in time cancels its abort, which must then leave the queue at once: the JDK's scheduler
     * keeps a cancelled task until its delay has passed, and with it the request it would have aborted, its form and
     * headers. That kept every call's request alive for its whole timeout, seconds after Twilio answered, through the
     * young collections that copied it and into the old generation.
     */
    private static ScheduledThreadPoolExecutor abortsAtTimeouts() {
        ScheduledThreadPoolExecutor aborts = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "twilio-request-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        aborts.setRemoveOnCancelPolicy(true);
        return aborts;
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        http.close();
    }

    private HttpUriRequestBase toHttpRequest(Request request, Duration timeout) {
        // Twilio's own API: the SDK's URL, its host chosen by the account's region and edge. Another base URL (a
        // Twilio-compatible server, a proxy, the simulator): the SDK's path and query on that scheme, host and port.
        URL sdkUrl = request.constructURL();
        HttpUriRequestBase exchange = new HttpUriRequestBase(request.getMethod().toString(),
                apiUrl == null ? URI.create(sdkUrl.toString()) : apiUrl.resolve(sdkUrl.getFile()));
        exchange.setConfig(RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.of(timeout))
                .setResponseTimeout(Timeout.of(timeout))
                .build());
        exchange.setHeader("User-Agent", HttpUtility.getUserAgentString(request.getUserAgentExtensions(), true));
        exchange.setHeader("Accept", "application/json");
        if (request.requiresAuthentication()) {
            exchange.setHeader("Authorization", request.getAuthString());
        }
        for (Map.Entry<String, List<String>> header : request.getHeaderParams().entrySet()) {
            header.getValue().forEach(value -> exchange.addHeader(header.getKey(), value));
        }
        if (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.DELETE) {
            boolean json = request.getContentType() != null
                    && EnumConstants.ContentType.JSON.getValue().equals(request.getContentType().getValue());
            exchange.setEntity(json ? new StringEntity(request.getBody(), ContentType.APPLICATION_JSON)
                    : new StringEntity(request.encodeFormBody(), ContentType.APPLICATION_FORM_URLENCODED));
        }
        return exchange;
    }

    /**
     * The answer's body as it arrives, read to its end (which returns the connection to the pool); null past
     * {@value #MAX_ANSWER_BYTES}, when the rest is not read and the connection is closed instead.
     */
    private static byte[] read(HttpEntity entity, HttpUriRequestBase exchange) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        long declared = entity.getContentLength();
        InputStream in = entity.getContent();
        // with a declared length (Twilio's answers have one) the body is read into one array of its size
        byte[] body = declared > MAX_ANSWER_BYTES ? null
                : in.readNBytes(declared >= 0 ? (int) declared : MAX_ANSWER_BYTES + 1);
        if (body == null || body.length > MAX_ANSWER_BYTES) {
            exchange.cancel();
            return null;
        }
        in.close();
        return body;
    }

    /** Twilio's answer to one request. */
    record Answer(int status, byte[] body) {
    }

    /** The request cannot have reached Twilio: trying again cannot send the code twice. */
    static final class NotSentException extends IOException {

        NotSentException(IOException cause) {
            super(cause.getClass().getSimpleName(), cause);
        }
    }

    /** No full answer by the request's timeout: Twilio may have taken it. */
    static final class TimedOutException extends IOException {

        TimedOutException(IOException cause) {
            super(cause.getClass().getSimpleName(), cause);
        }
    }
}
