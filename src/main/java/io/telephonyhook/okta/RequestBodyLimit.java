package io.telephonyhook.okta;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Refuses a body over {@code HOOK_MAX_BODY} with 413, as a step of the route, so the limit holds in every host. A
 * host that can refuse such a body before its bytes arrive does so too (the Spring Boot hosts do, with a servlet
 * filter; see the README for camel-main): this step is what holds when it cannot.
 * <p>
 * The body is kept as bytes: the steps after read it so. A host that hands over a reader (platform-http on Spring
 * MVC does, and Camel's stream caching then holds it as a {@code ReaderCache}) is read here in pieces of at most 1 KB
 * and never past the limit: Camel's own conversion wraps it in a reader with an 8K-character buffer and builds the
 * text twice, three times the garbage of a 1 KB call, every call.
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
        byte[] body = message.getBody() instanceof Reader reader ? read(reader) : message.getBody(byte[].class);
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

    public long maxBytes() {
        return maxBytes;
    }
}
