package dev.vigil.backup;

import dev.vigil.openpgp.Recipient;

import tools.jackson.core.JacksonException;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The small JSON document stored beside each backup: what it is, how big, its ciphertext's SHA-256 (checked
 * by restore and verify), the versions that made it, and whom it is encrypted to. Readable without the key.
 */
public record Manifest(String objectKey, String database, Instant started, long durationMillis, long size,
                       String sha256, long dumpSize, String pgDumpVersion, String serverVersion,
                       List<Recipient> recipients) {

    public static final String FORMAT = "vigil-backup/1";
    public static final String ENCRYPTION = "OpenPGP, public-key, AES-256, SEIPD v1 with MDC";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Two-space indentation, {@code "name": value}: the layout of every manifest written so far, byte for byte. */
    private static final DefaultPrettyPrinter LAYOUT = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectNameValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    public Manifest {
        recipients = List.copyOf(recipients);
    }

    public byte[] toJson() {
        ObjectNode m = JSON.createObjectNode();
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
        ArrayNode rs = m.putArray("recipients");
        for (Recipient r : recipients) {
            rs.addObject().put("keyId", r.keyId()).put("fingerprint", r.fingerprint()).put("userId", r.userId());
        }
        return (JSON.writer().with(LAYOUT).writeValueAsString(m) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a manifest; a document of another format or with missing fields is an error naming the field. */
    public static Manifest parse(byte[] json) {
        JsonNode m;
        try {
            m = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new BackupException("unreadable manifest: " + e.getOriginalMessage(), e);
        }
        if (m == null || !m.isObject()) {
            throw new BackupException("unreadable manifest: not a JSON object");
        }
        JsonNode format = m.get("format");
        if (format == null || !FORMAT.equals(format.asString(null))) {
            throw new BackupException("unreadable manifest: format is " + (format == null ? null : format.asString())
                    + ", expected " + FORMAT);
        }
        List<Recipient> recipients = new ArrayList<>();
        JsonNode list = m.get("recipients");
        if (list != null && list.isArray()) {
            for (JsonNode r : list) {
                if (r.isObject()) {
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

    private static String text(JsonNode m, String field) {
        JsonNode v = m.get(field);
        if (v == null || !v.isString()) {
            throw new BackupException("unreadable manifest: field '" + field + "' missing or not text");
        }
        return v.asString();
    }

    private static long number(JsonNode m, String field) {
        JsonNode v = m.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new BackupException("unreadable manifest: field '" + field + "' missing or not a whole number");
        }
        return v.longValue();
    }
}
