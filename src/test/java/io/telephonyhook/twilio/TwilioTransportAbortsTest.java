package io.telephonyhook.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.telephonyhook.support.TwilioStandIn;

/**
 * Each request to Twilio is aborted at its timeout by a timer; one answered in time takes its timer out at once, so
 * nothing of the request outlives it (real requests to the stand-in, and to a server that answers a byte at a time).
 */
class TwilioTransportAbortsTest {

    private static final TwilioStandIn twilio = TwilioStandIn.start();
    private static final TwilioTransport transport = new TwilioTransport(twilio.url(), Duration.ofSeconds(1));

    @AfterEach
    void reset() {
        twilio.reset();
    }

    @AfterAll
    static void stop() throws Exception {
        transport.close();
        twilio.close();
    }

    @Test
    void aRequestAnsweredInTimeLeavesNoAbortWaitingForItsTimeout() throws Exception {
        for (int i = 0; i < 5; i++) {
            TwilioTransport.Answer answer = transport.send(SdkRequests.sms(twilio.url()), Duration.ofSeconds(30));
            assertThat(answer.status()).isEqualTo(201);
        }

        assertThat(transport.abortsWaiting()).isZero();
    }

    @Test
    void aRequestStillRunningAtItsTimeoutIsAbortedAndLeavesNothingWaiting() throws Exception {
        // a server that keeps answering, a byte every 50 ms for 5 s: no read ever waits long enough to time out, so
        // only the abort can end the request at its timeout
        try (ServerSocket trickling = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             TwilioTransport toTrickling = new TwilioTransport(
                     URI.create("http://127.0.0.1:" + trickling.getLocalPort()), Duration.ofSeconds(1))) {
            Thread server = new Thread(() -> trickle(trickling), "trickling-server");
            server.setDaemon(true);
            server.start();

            long started = System.nanoTime();
            assertThatThrownBy(() -> toTrickling.send(SdkRequests.sms(twilio.url()), Duration.ofMillis(300)))
                    .isInstanceOf(TwilioTransport.TimedOutException.class);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
            assertThat(toTrickling.abortsWaiting()).isZero();
        }
    }

    /** Reads one request's head, then answers 201 in one-byte chunks, 50 ms apart, for 5 s or until the caller leaves. */
    private static void trickle(ServerSocket server) {
        try (Socket caller = server.accept()) {
            InputStream in = caller.getInputStream();
            for (int matched = 0; matched < 4; ) { // up to the blank line after the headers
                int read = in.read();
                if (read < 0) {
                    return;
                }
                matched = read == "\r\n\r\n".charAt(matched) ? matched + 1 : (read == '\r' ? 1 : 0);
            }
            OutputStream out = caller.getOutputStream();
            out.write(("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 100; i++) {
                out.write("1\r\n \r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(50);
            }
        } catch (IOException | InterruptedException callerLeft) {
            // the abort closed the connection: what the test waits for
        }
    }
}
