package dev.vigil.app.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A ping as the details page lists it.
 *
 * @param bodyPreview the first {@value #PREVIEW_BYTES} bytes of the body as text (bad UTF-8 replaced), or null
 */
public record RecentPing(long n, Instant created, String kind, String scheme, String remoteAddr, String method,
        String userAgent, Long durationMs, String bodyPreview) {

    public static final int PREVIEW_BYTES = 120;

    static String preview(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            String text = utf8.decode(ByteBuffer.wrap(body, 0, Math.min(body.length, PREVIEW_BYTES))).toString();
            return body.length > PREVIEW_BYTES ? text + "…" : text;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException(e); // REPLACE never throws
        }
    }
}
