package dev.vigil.backup;

import dev.vigil.backup.crypto.Recipient;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small JSON document stored beside each backup: what it is, how big, its ciphertext's SHA-256 (checked
 * by restore and verify), the versions that made it, and whom it is encrypted to. Readable without the key.
 */
public record Manifest(String objectKey, String database, Instant started, long durationMillis, long size,
                       String sha256, long dumpSize, String pgDumpVersion, String serverVersion,
                       List<Recipient> recipients) {

    public static final String FORMAT = "vigil-backup/1";
    public static final String ENCRYPTION = "OpenPGP, public-key, AES-256, SEIPD v1 with MDC";

    public Manifest {
        recipients = List.copyOf(recipients);
    }

    public byte[] toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("object", objectKey);
        m.put("database", database);
        m.put("started", started.toString());
        m.put("durationMillis", durationMillis);
        m.put("size", size);
        m.put("sha256", sha256);
        m.put("dumpSize", dumpSize);
        m.put("dumpFormat", "pg_dump --format=custom");
        m.put("pgDumpVersion", pgDumpVersion);
        m.put("serverVersion", serverVersion);
        m.put("encryption", ENCRYPTION);
        List<Object> rs = new ArrayList<>();
        for (Recipient r : recipients) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("keyId", r.keyId());
            rm.put("fingerprint", r.fingerprint());
            rm.put("userId", r.userId());
            rs.add(rm);
        }
        m.put("recipients", rs);
        return Json.write(m).getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a manifest; a document of another format or with missing fields is an error naming the field. */
    public static Manifest parse(byte[] json) {
        Object parsed;
        try {
            parsed = Json.parse(new String(json, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new BackupException("unreadable manifest: " + e.getMessage(), e);
        }
        if (!(parsed instanceof Map<?, ?> m)) {
            throw new BackupException("unreadable manifest: not a JSON object");
        }
        if (!FORMAT.equals(m.get("format"))) {
            throw new BackupException("unreadable manifest: format is " + m.get("format") + ", expected " + FORMAT);
        }
        List<Recipient> recipients = new ArrayList<>();
        if (m.get("recipients") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> r) {
                    recipients.add(new Recipient(text(r, "keyId"), text(r, "fingerprint"), text(r, "userId")));
                }
            }
        }
        try {
            return new Manifest(text(m, "object"), text(m, "database"), Instant.parse(text(m, "started")),
                    number(m, "durationMillis"), number(m, "size"), text(m, "sha256"), number(m, "dumpSize"),
                    text(m, "pgDumpVersion"), text(m, "serverVersion"), recipients);
        } catch (java.time.format.DateTimeParseException e) {
            throw new BackupException("unreadable manifest: bad start time: " + e.getMessage(), e);
        }
    }

    private static String text(Map<?, ?> m, String field) {
        Object v = m.get(field);
        if (!(v instanceof String s)) {
            throw new BackupException("unreadable manifest: field '" + field + "' missing or not text");
        }
        return s;
    }

    private static long number(Map<?, ?> m, String field) {
        Object v = m.get(field);
        if (!(v instanceof Long l)) {
            throw new BackupException("unreadable manifest: field '" + field + "' missing or not a whole number");
        }
        return l;
    }
}
