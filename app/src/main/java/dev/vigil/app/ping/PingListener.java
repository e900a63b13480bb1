package dev.vigil.app.ping;

import dev.vigil.app.bodies.BodyStorage;
import dev.vigil.app.db.SchemaReady;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The fast ping listener: the ping API on a port of its own ({@code VIGIL_PING_PORT}, default 8001), served by Netty
 * instead of the servlet container, whose per-request cost bounds ping throughput far below the database's
 * (docs/performance.md). Same requests, same answers, same group-commit writer as {@link PingServlet}; the load
 * balancers send the ping domain here. It starts once the schema is migrated and stops before the application's
 * beans do, so the writer is still there to answer every ping it has taken.
 */
@ApplicationScoped
public class PingListener {

    private static final Logger LOG = Logger.getLogger(PingListener.class.getName());
    // what a ping request may be: an 8 KiB request line (414 beyond), 16 KiB of headers (431 beyond)
    private static final int MAX_REQUEST_LINE = 8192;
    private static final int MAX_HEADERS = 16384;
    private static final int MAX_CHUNK = 8192;
    // staging writes and syncs a file per large body; the queue is short so that a slow disk means 503, not memory
    private static final int STAGING_THREADS = 4;
    private static final int STAGING_QUEUE = 64;
    private static final long STOP_TIMEOUT_MS = 5_000;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    PingSettings settings;

    @Inject
    PingCommitter committer;

    @Inject
    BodyStorage bodies;

    private EventLoopGroup loops;
    private ThreadPoolExecutor staging;
    private ChannelGroup connections;
    private Channel server;

    void start(@Observes SchemaReady ready) {
        PingListenerSettings config = PingListenerSettings.from(ConfigProvider.getConfig());
        if (!config.enabled()) {
            LOG.info("fast ping listener off (VIGIL_PING_PORT is 0 or off): pings only at /ping/ on the main port");
            return;
        }
        boolean epoll = Epoll.isAvailable();
        if (!epoll) {
            LOG.log(Level.INFO, "native epoll unavailable, the fast ping listener uses NIO",
                    Epoll.unavailabilityCause());
        }
        int loopThreads = Runtime.getRuntime().availableProcessors();
        // Netty's own threads (FastThreadLocalThread): they parse HTTP and queue pings, nothing needs the container
        DefaultThreadFactory loopFactory = new DefaultThreadFactory("vigil-ping", true);
        loops = epoll ? new EpollEventLoopGroup(loopThreads, loopFactory)
                : new NioEventLoopGroup(loopThreads, loopFactory);
        staging = new ThreadPoolExecutor(STAGING_THREADS, STAGING_THREADS, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(STAGING_QUEUE), threads);
        staging.allowCoreThreadTimeOut(true);
        connections = new DefaultChannelGroup("vigil-ping", GlobalEventExecutor.INSTANCE);
        PingConnection.Setup setup = new PingConnection.Setup(new PingIntake(committer, bodies), staging,
                settings.trustedProxies(), settings.bodyLimit(), config.timeout().toNanos(),
                new HttpAnswers(settings.bodyLimit()));
        HttpDecoderConfig limits = new HttpDecoderConfig().setMaxInitialLineLength(MAX_REQUEST_LINE)
                .setMaxHeaderSize(MAX_HEADERS).setMaxChunkSize(MAX_CHUNK);
        boolean dualStack = epoll && jdkUsesIpv6();
        ChannelFactory<ServerChannel> channel = !epoll ? NioServerSocketChannel::new
                : dualStack ? () -> new EpollServerSocketChannel(InternetProtocolFamily.IPv6)
                : EpollServerSocketChannel::new;
        ChannelFuture bound = new ServerBootstrap().group(loops).channelFactory(channel)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        connections.add(ch);
                        // no HttpServerCodec: its HEAD bookkeeping counts a 100 Continue as a final answer
                        ch.pipeline().addLast(new HttpRequestDecoder(limits), new HttpResponseEncoder(),
                                new PingConnection(setup));
                    }
                })
                .bind(dualStack ? new InetSocketAddress("::", config.port()) : new InetSocketAddress(config.port()))
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutDown();
            throw new IllegalStateException("cannot listen for pings on port " + config.port() + " (VIGIL_PING_PORT): "
                    + bound.cause().getMessage() + "; set VIGIL_PING_PORT to a free port, or to off (unset, it is "
                    + "VIGIL_PORT + 1)", bound.cause());
        }
        server = bound.channel();
        LOG.info(() -> "pings also served at http://*:" + config.port() + "/ping/ (fast listener: Netty, "
                + (epoll ? "epoll" : "NIO") + ", " + loopThreads + " event loops)");
    }

    /**
     * Before any application bean is destroyed (the writer included): stop accepting, let each connection answer
     * what it has read and close, then stop the event loops.
     */
    void stop(@Observes(notifyObserver = Reception.IF_EXISTS) @BeforeDestroyed(ApplicationScoped.class) Object event) {
        if (server == null) {
            return;
        }
        server.close().awaitUninterruptibly();
        server = null;
        for (Channel ch : connections) {
            ch.eventLoop().execute(() -> {
                PingConnection c = ch.pipeline().get(PingConnection.class);
                if (c != null) {
                    c.finishUp();
                }
            });
        }
        if (!connections.newCloseFuture().awaitUninterruptibly(STOP_TIMEOUT_MS)) {
            LOG.warning(() -> connections.size() + " ping connections still open after " + STOP_TIMEOUT_MS
                    + " ms; closing them");
        }
        shutDown();
        LOG.info("fast ping listener stopped");
    }

    /**
     * Whether the JDK's sockets, and so the main HTTP listener's, are IPv6 ones, which take IPv4 and IPv6 on one
     * wildcard socket. Netty's native sockets would go by {@code java.net.preferIPv4Stack}, which Payara sets to true
     * after the JDK's networking has started, and listen on IPv4 only.
     */
    private static boolean jdkUsesIpv6() {
        try (ServerSocketChannel probe = ServerSocketChannel.open(StandardProtocolFamily.INET6)) {
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private void shutDown() {
        staging.shutdown();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
