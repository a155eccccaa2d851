package io.telephonyhook.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.okta.RequestTimeoutException;
import io.telephonyhook.okta.RequestTooLargeException;

/**
 * Reads a request's body up to {@code HOOK_MAX_BODY} and refuses a larger one with 413. Okta's requests are about
 * 1 KB; without a cap a caller could make the hook buffer any amount, and Tomcat's own limit covers only forms. A
 * declared Content-Length over the limit is refused unread; a chunked body is read up to the limit and no further.
 *
 * <p>The body must also have arrived by the call's deadline ({@code HOOK_DEADLINE} after arrival): Tomcat's timeout
 * counts silence on each read, so a caller trickling a byte a second would otherwise hold this thread as long as it
 * likes. Past the deadline the call is refused 408 and the connection closed; a read already waiting ends within
 * Tomcat's connection timeout, so no body holds a thread longer than the deadline plus that timeout.
 * It runs after {@link AuthenticationGateFilter}, so only Okta's calls get this far.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final Duration deadline;
    private final CallMetrics metrics;

    /** @param deadline how long after arrival the whole body must be in ({@code HOOK_DEADLINE}) */
    public BodySizeLimitFilter(long maxBytes, Duration deadline, CallMetrics metrics) {
        this.maxBytes = maxBytes;
        this.deadline = deadline;
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            refuse(response);
            return;
        }
        byte[] body = readBy(request, dueBy(request));
        if (body == null) {
            response.setHeader("Connection", "close"); // the rest of a trickled body is not worth waiting for
            OktaErrorWriter.refuse(response, new RequestTimeoutException(), metrics);
            return;
        }
        if (body.length > maxBytes) {
            refuse(response);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    /** The body, at most {@code maxBytes + 1} of it; null when it was not all in by {@code dueBy}. */
    private byte[] readBy(HttpServletRequest request, long dueByNanos) throws IOException {
        long declared = request.getContentLengthLong();
        return declared >= 0 ? readDeclared(request.getInputStream(), (int) declared, dueByNanos)
                : readChunked(request.getInputStream(), dueByNanos);
    }

    /**
     * A body of known length (Okta's have one, about 1 KB) is read straight into an array of that length: one
     * allocation per call, not an 8 KB buffer and a growing copy. Tomcat never gives more than the declared length.
     */
    private static byte[] readDeclared(InputStream in, int length, long dueByNanos) throws IOException {
        byte[] body = new byte[length];
        int filled = 0;
        while (filled < length) {
            if (System.nanoTime() - dueByNanos > 0) {
                return null;
            }
            int read = in.read(body, filled, length - filled);
            if (read < 0) {
                return Arrays.copyOf(body, filled); // the caller stopped early: the reader refuses what is there
            }
            filled += read;
        }
        return body;
    }

    private byte[] readChunked(InputStream in, long dueByNanos) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] chunk = new byte[(int) Math.min(8192, maxBytes + 1)];
        while (body.size() <= maxBytes) {
            if (System.nanoTime() - dueByNanos > 0) {
                return null;
            }
            int read = in.read(chunk, 0, (int) Math.min(chunk.length, maxBytes + 1 - body.size()));
            if (read < 0) {
                break;
            }
            body.write(chunk, 0, read);
        }
        return body.toByteArray();
    }

    /** The call's deadline, from the arrival time ArrivalTimeFilter noted (or now, without it). */
    private long dueBy(HttpServletRequest request) {
        Object arrived = request.getAttribute(ArrivalTimeFilter.ARRIVED_AT);
        long arrivedAt = arrived instanceof Long nanos ? nanos : System.nanoTime();
        return arrivedAt + deadline.toNanos();
    }

    private void refuse(HttpServletResponse response) throws IOException {
        OktaErrorWriter.refuse(response, new RequestTooLargeException(maxBytes), metrics);
    }
}
