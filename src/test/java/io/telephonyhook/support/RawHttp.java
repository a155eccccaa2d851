package io.telephonyhook.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTP by hand over a socket, for what a well-behaved client cannot send: malformed requests, and requests whose
 * body is sent late or never.
 */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private boolean closedByServer;

    public RawHttp(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    public RawHttp send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return this;
    }

    /** Everything the server sends until it closes the connection, or the wait runs out. */
    public String readResponse(Duration atMost) throws IOException {
        socket.setSoTimeout((int) atMost.toMillis());
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read; (read = in.read(buffer)) != -1; ) {
                response.write(buffer, 0, read);
                if (completeResponse(response.toString(StandardCharsets.UTF_8))) {
                    return response.toString(StandardCharsets.UTF_8);
                }
            }
            closedByServer = true;
        } catch (SocketTimeoutException enough) {
            // return what arrived
        } catch (java.net.SocketException reset) {
            closedByServer = true;
        }
        return response.toString(StandardCharsets.UTF_8);
    }

    /** An interim answer ({@code 100 Continue}): its status line and headers, up to the blank line. */
    public String readInterim(Duration atMost) throws IOException {
        socket.setSoTimeout((int) atMost.toMillis());
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try {
            for (int read; (read = in.read()) != -1; ) {
                response.write(read);
                if (response.toString(StandardCharsets.UTF_8).endsWith("\r\n\r\n")) {
                    break;
                }
            }
        } catch (SocketTimeoutException enough) {
            // return what arrived
        }
        return response.toString(StandardCharsets.UTF_8);
    }

    /** True when the last {@link #readResponse} ended because the server closed the connection. */
    public boolean closedByServer() {
        return closedByServer;
    }

    /** Headers in, and as much body as Content-Length announced (or a final chunk). */
    private static boolean completeResponse(String response) {
        int headersEnd = response.indexOf("\r\n\r\n");
        if (headersEnd < 0) {
            return false;
        }
        String head = response.substring(0, headersEnd).toLowerCase();
        int length = head.indexOf("content-length:");
        if (length >= 0) {
            int end = head.indexOf("\r\n", length);
            int declared = Integer.parseInt(head.substring(length + 15, end < 0 ? head.length() : end).trim());
            return response.getBytes(StandardCharsets.UTF_8).length - (headersEnd + 4) >= declared;
        }
        return response.endsWith("0\r\n\r\n");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
