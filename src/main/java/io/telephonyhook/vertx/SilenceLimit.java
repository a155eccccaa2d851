package io.telephonyhook.vertx;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ByteProcessor;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Tomcat's connection timeout on a Vert.x server, for a request's head: a connection silent for longer than the limit
 * while a request line and headers are due (from the connection's start, or from a request's first byte, to its last
 * header) is closed, as Tomcat closes it, unless a request on it is still being answered. A body is the guards'
 * ({@link VertxGuards}: 408 at the call's deadline on the hook's paths); between requests, and while one is answered,
 * only Vert.x's idle timeout applies, as Tomcat's keep-alive timeout does there.
 * <p>
 * Why: Vert.x's one timeout counts a connection idle only when nothing at all is read or written, so a caller that
 * sent half its headers and fell silent kept its connection, and what it had sent, for the idle timeout (60 s).
 * Vert.x does not say where a request stands, so two handlers watch the connection: one before the HTTP decoder sees
 * each read, one after it counts the requests begun and all in, and the answers written. Counts, not flags: Vert.x
 * reads a pipelined request while the one before it is answered. As Tomcat's, the limit counts silence, not the
 * head's time as a whole (that is the proxy's), and skips the blank lines some clients send after a body. The start
 * of a request that comes in the same read as the end of the body before it (pipelined, or after an early answer)
 * waits as an idle connection would.
 */
public final class SilenceLimit {

    private final long limitNanos;
    private ScheduledFuture<?> timer;
    /** A request's head is due: the connection is new, or a request's first bytes came and its head is not all in */
    private boolean head = true;
    private long begun;
    private long allIn;
    private long answered;

    private SilenceLimit(Duration limit) {
        this.limitNanos = limit.toNanos();
    }

    /** Watches {@code connection} (a Vert.x HTTP/1.x server connection, on its event loop) from now on. */
    public static void install(HttpConnection connection, Duration limit) {
        ChannelPipeline pipeline = ((ConnectionBase) connection).channel().pipeline();
        if (pipeline.get("httpDecoder") == null || pipeline.get("handler") == null) {
            return; // not the HTTP/1.x pipeline this is written for: Vert.x's idle timeout alone, as before
        }
        SilenceLimit silence = new SilenceLimit(limit);
        pipeline.addBefore("httpDecoder", "silenceLimitReads", silence.new Reads());
        pipeline.addBefore("handler", "silenceLimitRequests", silence.new Requests());
        silence.arm(pipeline.context("silenceLimitReads"));
    }

    /** Counts silence from now, when a head is due and nothing is being answered. */
    private void arm(ChannelHandlerContext context) {
        disarm();
        if (head && answered == begun) {
            timer = context.executor().schedule(() -> {
                if (head && answered == begun) {
                    context.channel().close();
                }
            }, limitNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void disarm() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /** {@code 100 Continue}: an answer, but not the request's */
    private static boolean interim(Object message) {
        return message instanceof HttpResponse response
                && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
    }

    /** Before the decoder: every read of the connection's bytes. */
    private final class Reads extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) throws Exception {
            if (message instanceof ByteBuf bytes && begun == allIn // not a body's bytes: a head's
                    && bytes.forEachByte(ByteProcessor.FIND_NON_CRLF) >= 0) { // blank lines are skipped, as Tomcat does
                head = true;
                arm(context);
            }
            context.fireChannelRead(message);
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) throws Exception {
            disarm();
            context.fireChannelInactive();
        }
    }

    /** After the decoder: requests begun and all in, and the answers written. */
    private final class Requests extends ChannelDuplexHandler {

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) throws Exception {
            if (message instanceof HttpRequest) {
                begun++;
                head = false;
                disarm();
            }
            if (message instanceof LastHttpContent && allIn < begun) {
                allIn++;
            }
            context.fireChannelRead(message);
        }

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
            if (message instanceof LastHttpContent && !interim(message) && answered < begun) {
                answered++;
                arm(context); // a head begun while this was answered is timed from now
            }
            context.write(message, promise);
        }
    }
}
