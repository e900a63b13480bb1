package dev.vigil.app.ping;

import dev.vigil.app.bodies.BodyStorage;
import dev.vigil.app.lifecycle.InFlightRequests;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast listener's connection handling on an in-memory channel, with the real intake in front of a writer that
 * is not running (so every ping it would take is answered 503 at once, as when the writer's queue is full). The
 * cases with a database are in PingIT and PingListenerIT.
 */
class PingConnectionTest {

    private static final String ID = "5f3c0d2e-1b2a-4c3d-8e4f-0123456789ab";

    private EmbeddedChannel channel;

    @BeforeEach
    void connect() {
        PingConnection.Setup setup = new PingConnection.Setup(new PingIntake(new PingCommitter(), new BodyStorage()),
                Runnable::run, TrustedProxies.parse(""), 100_000, TimeUnit.SECONDS.toNanos(30),
                new HttpAnswers(100_000));
        channel = new EmbeddedChannel(new HttpRequestDecoder(new HttpDecoderConfig().setMaxInitialLineLength(8192)
                .setMaxHeaderSize(16384)), new HttpResponseEncoder(), new PingConnection(setup));
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private String exchange(String requests) {
        channel.writeInbound(Unpooled.copiedBuffer(requests, StandardCharsets.ISO_8859_1));
        StringBuilder out = new StringBuilder();
        for (ByteBuf b = channel.readOutbound(); b != null; b = channel.readOutbound()) {
            out.append(b.toString(StandardCharsets.ISO_8859_1));
            b.release();
        }
        return out.toString();
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderAndAPingTheWriterCannotTakeIs503() {
        String answers = exchange("GET /ping/" + ID + " HTTP/1.1\r\nHost: v\r\n\r\n"
                + "GET /api/v3/checks/ HTTP/1.1\r\nHost: v\r\n\r\n"
                + "OPTIONS /ping/" + ID + " HTTP/1.1\r\nHost: v\r\n\r\n"
                + "HEAD /ping/" + ID + "/999 HTTP/1.1\r\nHost: v\r\n\r\n"
                + "POST /ping/" + ID + "/log HTTP/1.1\r\nHost: v\r\nContent-Length: 3\r\n\r\nabc");
        assertThat(answers).isEqualTo(""
                + "HTTP/1.1 503 Service Unavailable\r\n" + pingHeaders(33) + "\r\nservice unavailable, please retry"
                + "HTTP/1.1 404 Not Found\r\n" + pingHeaders(9) + "\r\nnot found"
                + "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: *\r\n"
                + "Access-Control-Allow-Methods: GET, HEAD, POST\r\nAccess-Control-Allow-Headers: *\r\n"
                + "Access-Control-Max-Age: 86400\r\n\r\n"
                + "HTTP/1.1 400 Bad Request\r\n" + pingHeaders(18) + "\r\n" // HEAD: the length, no body
                + "HTTP/1.1 503 Service Unavailable\r\n" + pingHeaders(33) + "\r\nservice unavailable, please retry");
        assertThat(channel.isOpen()).isTrue();
        assertThat(InFlightRequests.inFlight()).isZero();
    }

    private static String pingHeaders(int length) {
        return "Access-Control-Allow-Origin: *\r\n"
                + "Cache-Control: no-cache, no-store, must-revalidate, max-age=0\r\n"
                + "Ping-Body-Limit: 100000\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + length + "\r\n";
    }

    @Test
    void expectContinueIsAnsweredWhenTheRequestIsNextInLine() {
        assertThat(exchange("POST /ping/" + ID + " HTTP/1.1\r\nHost: v\r\nContent-Length: 5\r\n"
                + "Expect: 100-continue\r\n\r\n")).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
        assertThat(exchange("hello")).startsWith("HTTP/1.1 503 ");
    }

    @Test
    void closeAfterTheAnswerWhenTheClientAsks() {
        assertThat(exchange("GET /ping/" + ID + " HTTP/1.0\r\n\r\n"))
                .startsWith("HTTP/1.1 503 ").contains("Connection: close\r\n");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void http10KeepAliveIsConfirmed() {
        assertThat(exchange("GET /nowhere HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"))
                .startsWith("HTTP/1.1 404 ").contains("Connection: keep-alive\r\n");
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void requestsBeyondTheLimitsAreAnsweredThenTheConnectionCloses() {
        assertThat(exchange("GET /ping/" + "x".repeat(9000) + " HTTP/1.1\r\n\r\n"))
                .startsWith("HTTP/1.1 414 Request-URI Too Long\r\n").contains("Connection: close\r\n")
                .endsWith("uri too long");
        assertThat(channel.isOpen()).isFalse();

        connect();
        assertThat(exchange("GET /ping/" + ID + " HTTP/1.1\r\nX: " + "y".repeat(17_000) + "\r\n\r\n"))
                .startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n");
        assertThat(channel.isOpen()).isFalse();

        connect();
        assertThat(exchange("GET /ping/" + ID + " HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"))
                .startsWith("HTTP/1.1 400 Bad Request\r\n").endsWith("bad request");
        assertThat(InFlightRequests.inFlight()).isZero();
    }

    @Test
    void aConnectionLostWithAnswersDueCountsThemOut() {
        exchange("POST /ping/" + ID + " HTTP/1.1\r\nHost: v\r\nContent-Length: 100\r\n\r\nhalf");
        assertThat(InFlightRequests.inFlight()).isEqualTo(1);
        channel.close();
        assertThat(InFlightRequests.inFlight()).isZero();
    }
}
