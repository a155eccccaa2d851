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
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Tomcat's connection timeout on a Vert.x server, for a request's head: a connection silent for longer than the limit
 * while a request line and headers are due (from the connection's start, or from a request's first byte, to its last
 * header) is closed, as Tomcat closes it. A body is the guards' ({@link VertxGuards}: 408 at the call's deadline on the
 * hook's paths); between requests, and while one is answered, only Vert.x's idle timeout applies, as Tomcat's
 * keep-alive timeout does there.
 * <p>
 * Why: Vert.x's one timeout counts a connection idle only when nothing at all is read or written, so a caller that
 * sent half its headers and fell silent kept its connection, and what it had sent, for the idle timeout (60 s).
 * Vert.x does not say where a request stands, so two handlers watch the connection: one before the HTTP decoder sees
 * each read, one after it sees each request's head and end and its answer's end. As Tomcat's, the limit counts
 * silence, not the head's time as a whole (that is the proxy's). The start of a pipelined request that comes in the
 * same read as the end of the one before waits as an idle connection would.
 */
public final class SilenceLimit {

    private final long limitNanos;
    private ScheduledFuture<?> timer;
    /** A request's head is due: from the connection's start, or a request's first byte, to its last header */
    private boolean head = true;
    /** A request came, and is not both all in and answered */
    private boolean exchanging;
    private boolean requestIn;
    private boolean answered;
    /** Bytes came once the request was all in, while it was answered: the next one, pipelined */
    private boolean nextMeanwhile;

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
        silence.arm(pipeline.firstContext());
    }

    private void arm(ChannelHandlerContext context) {
        disarm();
        timer = context.executor().schedule(() -> {
            if (head) {
                context.channel().close();
            }
        }, limitNanos, TimeUnit.NANOSECONDS);
    }

    private void disarm() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void done(ChannelHandlerContext context) {
        if (requestIn && answered) {
            exchanging = false;
            if (nextMeanwhile) {
                nextMeanwhile = false;
                head = true;
                arm(context);
            }
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
            if (message instanceof ByteBuf bytes && bytes.isReadable()) {
                if (head) {
                    arm(context);
                } else if (!exchanging) {
                    head = true;
                    arm(context);
                } else if (requestIn) {
                    nextMeanwhile = true;
                }
            }
            context.fireChannelRead(message);
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) throws Exception {
            disarm();
            context.fireChannelInactive();
        }
    }

    /** After the decoder: a request's head and end coming in, its answer's end going out. */
    private final class Requests extends ChannelDuplexHandler {

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) throws Exception {
            if (message instanceof HttpRequest) {
                head = false;
                disarm();
                exchanging = true;
                requestIn = false;
                answered = false;
            }
            if (message instanceof LastHttpContent && exchanging) {
                requestIn = true;
                done(context);
            }
            context.fireChannelRead(message);
        }

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
            if (message instanceof LastHttpContent && exchanging && !interim(message)) {
                answered = true;
                done(context);
            }
            context.write(message, promise);
        }
    }
}
