package io.telephonyhook.okta;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.converter.stream.ByteArrayInputStreamCache;

/**
 * Refuses a body over {@code HOOK_MAX_BODY} with 413, as a step of the route, so the limit holds in every host. A
 * host that can refuse such a body before its bytes arrive does so too (the Spring Boot hosts do, with a servlet
 * filter; see the README for camel-main): this step is what holds when it cannot.
 * <p>
 * The body is kept as bytes: the steps after read it so. A host that hands over a reader (platform-http on Spring
 * MVC does, and Camel's stream caching then holds it as a {@code ReaderCache}) is read here in pieces of at most 1 KB
 * and never past the limit: Camel's own conversion wraps it in a reader with an 8K-character buffer and builds the
 * text twice, three times the garbage of a 1 KB call, every call. A stream (Vert.x's body, as Camel's stream caching
 * holds it) is read the same way. Without stream caching (the standalone application turns it off), Vert.x's body
 * arrives as its buffer, whose length is known, and becomes bytes in one copy.
 */
public class RequestBodyLimit implements Processor {

    private static final int PIECE = 1024;

    private final long maxBytes;

    public RequestBodyLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        Object given = message.getBody();
        byte[] body = given instanceof Reader reader ? read(reader)
                : given instanceof InputStream stream ? read(stream) : message.getBody(byte[].class);
        if (body != null && body.length > maxBytes) {
            throw new RequestTooLargeException(maxBytes);
        }
        if (body != null) { // kept as bytes: the steps after read them so, and would convert the host's reader again
            message.setBody(body);
        }
    }

    /** The reader's text as UTF-8 bytes; refused as soon as it has more characters than the limit has bytes. */
    private byte[] read(Reader reader) {
        StringBuilder text = new StringBuilder(PIECE);
        char[] piece = new char[PIECE];
        try {
            for (int read; (read = reader.read(piece)) >= 0; ) {
                text.append(piece, 0, read);
                if (text.length() > maxBytes) { // a character is one byte or more
                    throw new RequestTooLargeException(maxBytes);
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The stream's bytes: Vert.x's byte cache copied at its length, any other stream read in pieces of at most 1 KB
     * and never past the limit. Camel's own conversion buffers it
     * twice, 8 KB each, whatever its size: on Vert.x, where Camel's stream caching holds the body as a stream, that
     * was a tenth of all a call allocates.
     */
    private byte[] read(InputStream stream) {
        // Only the cache Vert.x's bytes become: its length and position are exact (not every StreamCache's are)
        long left = stream instanceof ByteArrayInputStreamCache cache ? cache.length() - cache.position() : 0;
        if (left > maxBytes) {
            throw new RequestTooLargeException(maxBytes);
        }
        return left > 0 ? readKnown(stream, (int) left) : readInPieces(stream);
    }

    /**
     * A body whose length Camel's stream cache knows (Vert.x's, held as bytes) is copied once, into an array of that
     * length, where reading it in pieces copies it three times.
     */
    private static byte[] readKnown(InputStream stream, int length) {
        byte[] body = new byte[length];
        try {
            int read = stream.readNBytes(body, 0, length);
            return read == length ? body : Arrays.copyOf(body, read);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private byte[] readInPieces(InputStream stream) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(PIECE);
        byte[] piece = new byte[PIECE];
        try {
            for (int read; (read = stream.read(piece)) >= 0; ) {
                bytes.write(piece, 0, read);
                if (bytes.size() > maxBytes) {
                    throw new RequestTooLargeException(maxBytes);
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return bytes.toByteArray();
    }

    public long maxBytes() {
        return maxBytes;
    }
}
