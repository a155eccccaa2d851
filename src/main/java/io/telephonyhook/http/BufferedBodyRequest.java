package io.telephonyhook.http;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The request with its body already read into memory (at most {@code HOOK_MAX_BODY}, by {@link BodySizeLimitFilter}):
 * each {@link #getInputStream()} and {@link #getReader()} starts again from its first byte.
 */
final class BufferedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private final String text;

    BufferedBodyRequest(HttpServletRequest request, byte[] body) {
        this(request, body, null);
    }

    private BufferedBodyRequest(HttpServletRequest request, byte[] body, String text) {
        super(request);
        this.body = body;
        this.text = text;
    }

    /** The body's bytes, as read (not a copy: not to be changed). */
    byte[] bytes() {
        return body;
    }

    /** The same request, its body known to be this text (decoded as UTF-8 already), which readers then serve. */
    BufferedBodyRequest withText(String decoded) {
        return new BufferedBodyRequest((HttpServletRequest) getRequest(), body, decoded);
    }

    @Override
    public ServletInputStream getInputStream() {
        InputStream bytes = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() throws IOException {
                return bytes.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return bytes.read(buffer, offset, length);
            }

            @Override
            public boolean isFinished() {
                return body.length == 0 || availableBytes() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("the body is already buffered");
            }

            private int availableBytes() {
                try {
                    return bytes.available();
                } catch (IOException never) {
                    return 0;
                }
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        if (text != null) {
            // sized to the body: a reader's default buffers (8 KB of bytes, 8K chars) are many times a 1 KB call
            return new BufferedReader(new StringReader(text), Math.max(1, text.length()));
        }
        Charset charset = getCharacterEncoding() == null
                ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }
}
