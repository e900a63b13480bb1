package dev.vigil.provisioning.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * An OpenSSH known_hosts file, read-only towards JSch: it answers OK, CHANGED or NOT_INCLUDED and remembers what
 * the server presented, so that the caller can name both fingerprints. Understands plain and hashed
 * ({@code |1|salt|hash}) host names, {@code [host]:port} and {@code @revoked}. New keys are only ever added by
 * {@link #append} after an operator's decision ({@code ops hosts trust}), never during a connection.
 */
public final class KnownHostsFile implements HostKeyRepository {

    private record Entry(String marker, List<String> patterns, String type, byte[] key) {
    }

    /** What the server showed during the last check, for error messages and {@code ops hosts trust}. */
    public record Presented(String host, String type, byte[] key, int verdict) {
        public String fingerprint() {
            return Fingerprint.sha256(key);
        }
    }

    private final Path file;
    private final List<Entry> entries;
    private volatile Presented last;

    private KnownHostsFile(Path file, List<Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** Reads {@code file}; a missing file is an empty one (every host is then unknown). */
    public static KnownHostsFile read(Path file) {
        List<Entry> entries = new ArrayList<>();
        if (Files.exists(file)) {
            try {
                for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    parse(raw).ifPresent(entries::add);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return new KnownHostsFile(file, List.copyOf(entries));
    }

    private static Optional<Entry> parse(String raw) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return Optional.empty();
        }
        String[] f = line.split("\\s+");
        String marker = null;
        int i = 0;
        if (f[0].startsWith("@")) {
            marker = f[0];
            i = 1;
        }
        if (f.length < i + 3) {
            return Optional.empty();
        }
        try {
            byte[] key = Base64.getDecoder().decode(f[i + 2]);
            return Optional.of(new Entry(marker, List.of(f[i].split(",")), f[i + 1], key));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a damaged line matches nothing, as in OpenSSH
        }
    }

    /** The name JSch and OpenSSH use for a host: the address, or {@code [address]:port} off port 22. */
    public static String hostKeyName(String address, int port) {
        return port == 22 ? address : "[" + address + "]:" + port;
    }

    @Override
    public int check(String host, byte[] key) {
        String type = Fingerprint.keyType(key);
        int verdict = NOT_INCLUDED;
        for (Entry e : matching(host)) {
            if ("@revoked".equals(e.marker()) && Arrays.equals(e.key(), key)) {
                verdict = -1;
                break;
            }
            if (e.marker() != null || !e.type().equals(type)) {
                continue;
            }
            if (Arrays.equals(e.key(), key)) {
                verdict = OK;
                break;
            }
            verdict = CHANGED;
        }
        last = new Presented(host, type, key.clone(), verdict);
        return verdict == -1 ? CHANGED : verdict;
    }

    public Optional<Presented> lastPresented() {
        return Optional.ofNullable(last);
    }

    /** Fingerprints of the keys on file for {@code host} of the given type, for a "changed key" message. */
    public List<String> knownFingerprints(String host, String type) {
        return matching(host).stream().filter(e -> e.marker() == null && e.type().equals(type))
                .map(e -> Fingerprint.sha256(e.key())).toList();
    }

    private List<Entry> matching(String host) {
        return entries.stream().filter(e -> e.patterns().stream().anyMatch(p -> matches(p, host))).toList();
    }

    private static boolean matches(String pattern, String host) {
        if (pattern.startsWith("|1|")) {
            String[] parts = pattern.split("\\|");
            if (parts.length != 4) {
                return false;
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA1");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(parts[2]), "HmacSHA1"));
                byte[] hash = mac.doFinal(host.getBytes(StandardCharsets.UTF_8));
                return Arrays.equals(hash, Base64.getDecoder().decode(parts[3]));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return false;
            }
        }
        return pattern.equals(host);
    }

    /** Adds {@code host}'s key as a new line (the file and its folder are created if needed). */
    public static void append(Path file, String host, byte[] key) {
        String line = host + " " + Fingerprint.keyType(key) + " " + Base64.getEncoder().encodeToString(key) + "\n";
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    // --- the rest of JSch's interface: this repository never changes during a connection ---

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        throw new UnsupportedOperationException("host keys are added with 'ops hosts trust', not while connecting");
    }

    @Override
    public void remove(String host, String type) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return file.toString();
    }

    @Override
    public HostKey[] getHostKey() {
        return toHostKeys(entries, null);
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return toHostKeys(matching(host), type);
    }

    private static HostKey[] toHostKeys(List<Entry> list, String type) {
        List<HostKey> out = new ArrayList<>();
        for (Entry e : list) {
            if (e.marker() != null || (type != null && !type.equals(e.type()))) {
                continue;
            }
            try {
                out.add(new HostKey(String.join(",", e.patterns()), HostKey.GUESS, e.key()));
            } catch (JSchException ex) {
                // a key type JSch does not know cannot match anything it negotiates; skip it
            }
        }
        return out.toArray(HostKey[]::new);
    }
}
