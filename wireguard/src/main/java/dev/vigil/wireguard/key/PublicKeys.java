package dev.vigil.wireguard.key;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The state file beside the inventory that holds each host's WireGuard <em>public</em> key, one {@code host key}
 * line each ({@code #} comments allowed), collected from the hosts after each made its own private key. Public keys
 * are not secret, so the file can be committed with the inventory.
 */
public record PublicKeys(Path file, Map<String, String> keys) {

    public PublicKeys {
        keys = Map.copyOf(keys);
    }

    /** The file's keys; an absent file is an empty set (no host has a key yet). */
    public static PublicKeys load(Path file) {
        Map<String, String> keys = new TreeMap<>();
        if (!Files.exists(file)) {
            return new PublicKeys(file, keys);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            String where = file + ":" + (i + 1) + ": ";
            if (parts.length != 2) {
                throw new IllegalArgumentException(where + "expected \"HOST PUBLIC-KEY\", found \"" + line + "\"");
            }
            try {
                WgKeys.decode(parts[1], "the public key of " + parts[0]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
            if (keys.put(parts[0], parts[1]) != null) {
                throw new IllegalArgumentException(where + "host " + parts[0] + " is listed twice");
            }
        }
        return new PublicKeys(file, keys);
    }

    public Optional<String> of(String host) {
        return Optional.ofNullable(keys.get(host));
    }

    public PublicKeys with(String host, String key) {
        WgKeys.decode(key, "the public key of " + host);
        Map<String, String> next = new TreeMap<>(keys);
        next.put(host, key);
        return new PublicKeys(file, next);
    }

    /** The set without {@code host}'s key (a host leaving the network). */
    public PublicKeys without(String host) {
        Map<String, String> next = new TreeMap<>(keys);
        next.remove(host);
        return new PublicKeys(file, next);
    }

    public String render() {
        StringBuilder b = new StringBuilder("# WireGuard public keys, collected by 'ops wg keys' (private keys stay on "
                + "each host)\n");
        new TreeMap<>(keys).forEach((h, k) -> b.append(h).append(' ').append(k).append('\n'));
        return b.toString();
    }

    /** Writes the file atomically (a temp file beside it, then a rename). */
    public void save() {
        try {
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".wg-keys", ".tmp");
            Files.writeString(tmp, render(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
