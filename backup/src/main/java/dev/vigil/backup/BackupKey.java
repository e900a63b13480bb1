package dev.vigil.backup;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where one backup lives in the bucket: {@code <prefix>/<database>/<UTC time>.dump.pgp}, with its manifest
 * beside it as {@code <UTC time>.manifest.json}. The time ({@code 20261123T020000Z}) sorts as text, so a
 * listing in key order is a listing in time order.
 */
public record BackupKey(String prefix, String database, Instant time) {

    public static final String OBJECT_SUFFIX = ".dump.pgp";
    public static final String MANIFEST_SUFFIX = ".manifest.json";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("([^/]+)/(\\d{8}T\\d{6}Z)" + Pattern.quote(OBJECT_SUFFIX));

    public BackupKey {
        prefix = normalizePrefix(prefix);
        if (database == null || database.isEmpty() || database.contains("/")) {
            throw new IllegalArgumentException("database name must be non-empty and without '/': " + database);
        }
        time = time.truncatedTo(ChronoUnit.SECONDS);
    }

    /** {@code backups/} for "backups", "/backups/" or "backups/"; empty for the bucket's root. */
    public static String normalizePrefix(String prefix) {
        if (prefix == null) {
            return "";
        }
        String p = prefix.strip();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? "" : p + "/";
    }

    public String objectKey() {
        return prefix + database + "/" + TIME.format(time) + OBJECT_SUFFIX;
    }

    public String manifestKey() {
        return prefix + database + "/" + TIME.format(time) + MANIFEST_SUFFIX;
    }

    /** The manifest's key for a backup object's key. */
    public static String manifestKeyFor(String objectKey) {
        if (!objectKey.endsWith(OBJECT_SUFFIX)) {
            throw new IllegalArgumentException("not a backup object key (no " + OBJECT_SUFFIX + "): " + objectKey);
        }
        return objectKey.substring(0, objectKey.length() - OBJECT_SUFFIX.length()) + MANIFEST_SUFFIX;
    }

    /** Reads an object key written by {@link #objectKey()} under {@code prefix}; empty for any other key. */
    public static Optional<BackupKey> parse(String prefix, String objectKey) {
        String p = normalizePrefix(prefix);
        if (!objectKey.startsWith(p)) {
            return Optional.empty();
        }
        Matcher m = NAME.matcher(objectKey.substring(p.length()));
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BackupKey(p, m.group(1), TIME.parse(m.group(2), Instant::from)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The key's time as it appears in the key, e.g. {@code 20261123T020000Z}. */
    public String timestamp() {
        return TIME.format(time);
    }

    @Override
    public String toString() {
        return objectKey();
    }
}
