package dev.vigil.app.ping;

import dev.vigil.app.lifecycle.InFlightRequests;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One connection of the fast ping listener ({@link PingListener}). Reads HTTP/1.1 requests as the codec decodes them,
 * hands each complete ping to {@link PingIntake}, and writes the answers in request order (keep-alive and
 * pipelining). Everything here runs on the connection's event loop; only the staging of a large body (disk I/O)
 * runs on the staging executor, and the writer's answers come back to the event loop.
 *
 * <p>Bounds: at most {@value #MAX_PENDING} requests wait for their answers before reading pauses; a request keeps
 * at most the body limit in memory; a request that stalls, or a connection that idles, for the timeout is answered
 * 408 or closed; an answer that the writer has not given after {@link PingIntake#ANSWER_TIMEOUT_MS} is 503.
 */
final class PingConnection extends ChannelInboundHandlerAdapter {

    /** Requests read and not answered yet; reading pauses at this many (pipelining clients wait, memory is bounded). */
    static final int MAX_PENDING = 16;

    private static final Logger LOG = Logger.getLogger(PingConnection.class.getName());
    private static final long ANSWER_TIMEOUT_NANOS = TimeUnit.MILLISECONDS.toNanos(PingIntake.ANSWER_TIMEOUT_MS);

    /** What all connections of a listener share. */
    record Setup(PingIntake intake, Executor staging, TrustedProxies proxies, int bodyLimit, long timeoutNanos,
            HttpAnswers answers) {
    }

    /** One request and, once known, its answer. Touched on the event loop only, but for staging's reads. */
    private static final class Exchange {
        final boolean head;
        final boolean confirmKeepAlive; // HTTP/1.0 with Connection: keep-alive: the answer must say so
        boolean expectsContinue;
        PingTarget target;
        PingClient client;
        Instant received;
        TruncatedBody body;
        long waitingSince;
        PingAnswer answer;
        boolean ended;

        Exchange(boolean head, boolean confirmKeepAlive) {
            this.head = head;
            this.confirmKeepAlive = confirmKeepAlive;
        }
    }

    private final Setup setup;
    private final ArrayDeque<Exchange> exchanges = new ArrayDeque<>(); // in request order; the first is answered first
    private ChannelHandlerContext ctx;
    private String peer;
    private Exchange reading;     // the request whose body is still arriving (always the last of exchanges)
    private boolean lastRequest;  // no further request is read; the connection closes after the last answer
    private boolean closing;      // the last answer is written, the close follows it
    private long lastActivity;
    private ScheduledFuture<?> timer;

    PingConnection(Setup setup) {
        this.setup = setup;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        SocketAddress remote = ctx.channel().remoteAddress();
        peer = remote instanceof InetSocketAddress a && a.getAddress() != null ? a.getAddress().getHostAddress()
                : String.valueOf(remote);
        lastActivity = System.nanoTime();
        timer = ctx.executor().schedule(this::checkTimeouts, setup.timeoutNanos(), TimeUnit.NANOSECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastActivity = System.nanoTime();
        try {
            if (msg instanceof HttpRequest request && !lastRequest) {
                begin(request);
            }
            if (msg instanceof HttpContent content && reading != null) {
                content(content);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void begin(HttpRequest request) {
        InFlightRequests.began();
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        Exchange x = new Exchange(HttpMethod.HEAD.equals(request.method()),
                keepAlive && HttpVersion.HTTP_1_0.equals(request.protocolVersion()));
        exchanges.add(x);
        if (request.decoderResult().isFailure()) {
            // the codec gave up on this connection's input: answer, then close
            Throwable cause = request.decoderResult().cause();
            x.answer = cause instanceof TooLongHttpLineException ? HttpAnswers.URI_TOO_LONG
                    : cause instanceof TooLongHttpHeaderException ? HttpAnswers.HEADERS_TOO_LARGE
                    : HttpAnswers.BAD_REQUEST;
            lastRequest = true;
            flush();
            return;
        }
        lastRequest = !keepAlive;
        reading = x;
        x.expectsContinue = HttpUtil.is100ContinueExpected(request);
        String method = request.method().name();
        String path = PingTarget.pingPath(request.uri());
        if (path == null) {
            x.answer = PingAnswer.NOT_FOUND;
        } else if ("OPTIONS".equals(method)) {
            x.answer = PingAnswer.PREFLIGHT;
        } else {
            try {
                x.target = PingTarget.parse(method, path, PingTarget.query(request.uri()));
                x.received = Instant.now();
                x.client = PingClient.of(setup.proxies(), peer, "http", request.headers()::get);
                x.body = new TruncatedBody(setup.bodyLimit(), HttpUtil.getContentLength(request, -1L));
            } catch (PingUrl.Rejected e) {
                x.answer = PingAnswer.of(e);
            }
        }
        flush(); // a 100 Continue if this request is next in line; pauses reading at MAX_PENDING
    }

    private void content(HttpContent content) {
        Exchange x = reading;
        if (content.decoderResult().isFailure()) {
            reading = null;
            x.body = null;
            x.answer = HttpAnswers.BAD_REQUEST;
            lastRequest = true;
            flush();
            return;
        }
        ByteBuf bytes = content.content();
        if (x.body != null && bytes.isReadable()) {
            x.body.append(bytes.nioBuffer());
        }
        if (content instanceof LastHttpContent) {
            reading = null;
            received(x);
        }
    }

    /** The whole request is in: answer it if its answer is known, else take the ping. */
    private void received(Exchange x) {
        if (x.answer == null) {
            x.waitingSince = System.nanoTime();
            if (setup.intake().stages(x.body)) {
                try {
                    setup.staging().execute(() -> submit(x)); // writes and syncs a file: not on the event loop
                } catch (RejectedExecutionException e) {
                    x.answer = HttpAnswers.UNAVAILABLE;
                }
            } else {
                submit(x);
            }
        }
        flush();
    }

    private void submit(Exchange x) {
        boolean queued = false;
        try {
            queued = setup.intake().submit(x.target, x.received, x.client, x.body,
                    result -> answer(x, PingAnswer.of(result)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not take a ping; answering 503", e);
        }
        if (!queued) {
            answer(x, HttpAnswers.UNAVAILABLE);
        }
    }

    /** An answer from any thread: the writer's, staging's or the event loop's own. */
    private void answer(Exchange x, PingAnswer answer) {
        EventExecutor loop = ctx.executor();
        if (loop.inEventLoop()) {
            answered(x, answer);
            return;
        }
        try {
            loop.execute(() -> answered(x, answer));
        } catch (RejectedExecutionException e) {
            // the listener has stopped: the connection is gone, nobody is left to answer
        }
    }

    private void answered(Exchange x, PingAnswer answer) {
        if (x.answer == null && !x.ended) { // else answered already, by the answer timeout
            x.answer = answer;
            flush();
        }
    }

    /** Writes the answers that are due, in request order, then decides whether to read on. */
    private void flush() {
        boolean wrote = false;
        Exchange x;
        while ((x = exchanges.peek()) != null && x.answer != null && x != reading) {
            exchanges.poll();
            boolean last = lastRequest && exchanges.isEmpty();
            ChannelFuture written = ctx.write(setup.answers().response(x.answer, x.head, last, x.confirmKeepAlive));
            ended(x);
            wrote = true;
            if (last) {
                closing = true;
                ctx.flush();
                written.addListener(f -> closeAfterLastAnswer());
                return;
            }
        }
        if (wrote) {
            lastActivity = System.nanoTime();
            ctx.flush();
        } else if (lastRequest && exchanges.isEmpty() && !closing) {
            ctx.close();
            return;
        }
        if (x != null && x == reading && x.expectsContinue) {
            x.expectsContinue = false; // only now: an earlier request's answer must not follow this interim one
            ctx.writeAndFlush(HttpAnswers.proceed());
        }
        updateAutoRead();
    }

    /**
     * Sends FIN after the last answer, then reads and drops what the client still sends until it closes too (or the
     * timeout passes): closing with unread input would reset the connection, and a reset can destroy the answer
     * before the client has read it (a 414 while the client is still sending its request, say).
     */
    private void closeAfterLastAnswer() {
        Channel ch = ctx.channel();
        if (ch instanceof DuplexChannel duplex && ch.isActive() && !duplex.isInputShutdown()) {
            duplex.shutdownOutput();
            ch.config().setAutoRead(true);
        } else {
            ch.close();
        }
    }

    private void updateAutoRead() {
        Channel ch = ctx.channel();
        boolean read = closing // drains what the client still sends
                || ch.isWritable() && (reading != null || (!lastRequest && exchanges.size() < MAX_PENDING));
        if (ch.config().isAutoRead() != read) {
            ch.config().setAutoRead(read);
        }
    }

    private void ended(Exchange x) {
        if (!x.ended) {
            x.ended = true;
            InFlightRequests.ended();
        }
    }

    /** One timer per connection, re-armed for the next deadline of the state it finds. */
    private void checkTimeouts() {
        if (!ctx.channel().isActive()) {
            return;
        }
        long now = System.nanoTime();
        if (now - deadline() >= 0) {
            if (reading != null) {
                Exchange x = reading; // stalled half-way: too slow, or gone without closing
                reading = null;
                x.body = null;
                x.answer = HttpAnswers.REQUEST_TIMEOUT;
                lastRequest = true;
                flush();
            } else if (!exchanges.isEmpty()) {
                answered(exchanges.peek(), HttpAnswers.UNAVAILABLE);
            } else {
                ctx.close(); // idle (or a request head that never completes)
                return;
            }
        }
        long delay = Math.max(deadline() - now, TimeUnit.MILLISECONDS.toNanos(10));
        timer = ctx.executor().schedule(this::checkTimeouts, delay, TimeUnit.NANOSECONDS);
    }

    private long deadline() {
        Exchange first = exchanges.peek();
        if (reading == null && first != null) {
            return first.waitingSince + ANSWER_TIMEOUT_NANOS;
        }
        return lastActivity + setup.timeoutNanos();
    }

    /** The listener stops: finish the requests read so far, take no more, then close. */
    void finishUp() {
        lastRequest = true;
        flush();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent && closing) {
            ctx.close(); // the client is done too
        } else if (evt instanceof ChannelInputShutdownEvent) {
            // the client has sent all it will send (and still reads): answer what is complete, then close
            if (reading != null) {
                ended(exchanges.pollLast());
                reading = null;
            }
            lastRequest = true;
            flush();
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        updateAutoRead(); // a client that does not read its answers is not read from either
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        // answers still due have nobody to go to; their pings are committed (or not) regardless
        exchanges.forEach(this::ended);
        exchanges.clear();
        reading = null;
        if (timer != null) {
            timer.cancel(false); // else it would keep this connection's state until it fires
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(Level.FINE, "ping connection from " + peer + " failed", cause);
        ctx.close();
    }
}
