package dev.vigil.app.ping;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * {@link PingAnswer}s as Netty responses for the fast listener, with the headers {@link PingAnswer} gives (built once
 * per answer for the common ones), plus the answers to requests that break the protocol's limits.
 */
final class HttpAnswers {

    static final PingAnswer BAD_REQUEST = new PingAnswer(400, "bad request");
    static final PingAnswer REQUEST_TIMEOUT = new PingAnswer(408, "request timeout");
    static final PingAnswer URI_TOO_LONG = new PingAnswer(414, "uri too long");
    static final PingAnswer HEADERS_TOO_LARGE = new PingAnswer(431, "request header fields too large");
    static final PingAnswer UNAVAILABLE = PingAnswer.of(PingResult.UNAVAILABLE);

    // spelled as the servlet container spells them (names are case-insensitive, but some scripts grep for them)
    private static final AsciiString CONTENT_LENGTH = AsciiString.cached("Content-Length");
    private static final AsciiString CONNECTION = AsciiString.cached("Connection");

    // ours, and known to be valid: no need to check them on every answer
    private static final DefaultHttpHeadersFactory HEADERS = DefaultHttpHeadersFactory.headersFactory()
            .withValidation(false);

    private final int bodyLimit;
    private final Map<PingAnswer, HttpHeaders> prepared = new IdentityHashMap<>(); // read-only once built

    HttpAnswers(int bodyLimit) {
        this.bodyLimit = bodyLimit;
        for (PingResult r : PingResult.values()) {
            prepared.put(PingAnswer.of(r), headers(PingAnswer.of(r)));
        }
        for (PingAnswer a : new PingAnswer[] {PingAnswer.PREFLIGHT, BAD_REQUEST, REQUEST_TIMEOUT, URI_TOO_LONG,
                HEADERS_TOO_LARGE}) {
            prepared.put(a, headers(a));
        }
    }

    /**
     * @param head      a HEAD request: the Content-Length of the body it would have had, and no body
     * @param close     the connection closes after this answer
     * @param keepAlive the request was HTTP/1.0 with {@code Connection: keep-alive}, which must be confirmed
     */
    FullHttpResponse response(PingAnswer answer, boolean head, boolean close, boolean keepAlive) {
        HttpHeaders headers = HEADERS.newHeaders();
        HttpHeaders template = prepared.get(answer);
        headers.set(template != null ? template : headers(answer));
        if (close) {
            headers.set(CONNECTION, HttpHeaderValues.CLOSE);
        } else if (keepAlive) {
            headers.set(CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(answer.status()),
                head || answer.preflight() ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(answer.bytes()),
                headers, EmptyHttpHeaders.INSTANCE);
    }

    /** The interim answer that tells a client waiting on {@code Expect: 100-continue} to send its body. */
    static FullHttpResponse proceed() {
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER,
                HEADERS.newHeaders(), EmptyHttpHeaders.INSTANCE);
    }

    private HttpHeaders headers(PingAnswer answer) {
        HttpHeaders h = HEADERS.newHeaders();
        answer.headers(bodyLimit, h::add);
        if (!answer.preflight()) {
            h.add(CONTENT_LENGTH, answer.bytes().length);
        }
        return h;
    }
}
