package dev.vigil.app.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code unique_key} of a check as Healthchecks computes it (SHA-1 hex of the first 16 hex digits of the UUID),
 * so that read-only clients and dashboards keep the ids they already stored.
 */
public final class UniqueKeys {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{40}");

    private UniqueKeys() {
    }

    public static String of(UUID check) {
        String half = check.toString().replace("-", "").substring(0, 16);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(half.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }

    public static boolean looksLikeOne(String text) {
        return FORMAT.matcher(text).matches();
    }
}
