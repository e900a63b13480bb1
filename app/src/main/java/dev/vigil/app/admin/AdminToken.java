package dev.vigil.app.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The bootstrap token (VIGIL_ADMIN_TOKEN). Blank means the admin API is off. Tokens are compared as SHA-256
 * digests with a constant-time comparison, so neither the length nor the content leaks through timing.
 */
public final class AdminToken {

    private final byte[] digest;

    public AdminToken(String configured) {
        this.digest = configured == null || configured.isBlank() ? null : sha256(configured.strip());
    }

    public boolean enabled() {
        return digest != null;
    }

    /** Whether an {@code Authorization} header value carries the token as a bearer credential. */
    public boolean accepts(String authorization) {
        if (digest == null || authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(authorization.substring("Bearer ".length()).strip()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
