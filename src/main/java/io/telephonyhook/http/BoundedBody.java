package io.telephonyhook.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A request's body read whole, but no more than a limit and no later than a deadline, for every path of the hook that
 * reads a body (Okta's calls, Twilio's status reports). Without the limit a caller could make the server buffer any
 * amount (Tomcat's own limit covers only forms it parses itself); without the deadline, a caller trickling a byte a
 * second would hold a request thread as long as it liked, since Tomcat's timeout counts silence on each read. A
 * declared Content-Length over the limit is refused unread; a chunked body is read up to the limit and no further. A
 * read already waiting when the deadline passes ends within Tomcat's connection timeout.
 */
final class BoundedBody {

    /** What became of the read: the body, or why there is none. */
    enum Outcome { READ, TOO_LARGE, LATE }

    /** @param bytes the body when {@link Outcome#READ}, else null */
    record Read(Outcome outcome, byte[] bytes) {
    }

    private BoundedBody() {
    }

    /** Reads the body, at most {@code maxBytes}, all of it by {@code deadline} after the request's arrival. */
    static Read read(HttpServletRequest request, long maxBytes, Duration deadline) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            return new Read(Outcome.TOO_LARGE, null);
        }
        long dueBy = dueBy(request, deadline);
        byte[] body = declared >= 0 ? readDeclared(request.getInputStream(), (int) declared, dueBy)
                : readChunked(request.getInputStream(), maxBytes, dueBy);
        if (body == null) {
            return new Read(Outcome.LATE, null);
        }
        return body.length > maxBytes ? new Read(Outcome.TOO_LARGE, null) : new Read(Outcome.READ, body);
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

    /** Up to {@code maxBytes + 1} bytes of a body of unknown length: one more than allowed says it is too large. */
    private static byte[] readChunked(InputStream in, long maxBytes, long dueByNanos) throws IOException {
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

    /** {@code deadline} after the arrival {@link ArrivalTimeFilter} noted (or after now, without it). */
    private static long dueBy(HttpServletRequest request, Duration deadline) {
        Object arrived = request.getAttribute(ArrivalTimeFilter.ARRIVED_AT);
        long arrivedAt = arrived instanceof Long nanos ? nanos : System.nanoTime();
        return arrivedAt + deadline.toNanos();
    }
}
