package dev.vigil.haproxy;

import dev.vigil.provisioning.inventory.RoleSettings.LbCertificate;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.shredzone.acme4j.util.KeyPairUtils;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.Security;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code ops lb renew}'s part that is not about servers: which of the inventory's certificate files are due (30
 * days before expiry), a new certificate for each from the ACME issuer, written over the file (atomically, mode
 * 0600, so a crash leaves the old file or the new one), and the ACME account's key file.
 */
public final class CertificateRenewal {

    private CertificateRenewal() {
    }

    /** The files whose certificate expires within {@link AcmeIssuer#RENEW_BEFORE} of {@code now}. */
    public static List<LbCertificate> due(List<LbCertificate> files, Instant now) {
        return files.stream().filter(c -> AcmeIssuer.dueForRenewal(c.notAfter(), now)).toList();
    }

    /** A new certificate for each of {@code due}, for the same names and key type, written over its file. */
    public static List<Path> renew(List<LbCertificate> due, AcmeIssuer issuer, Consumer<String> progress) {
        List<Path> written = new ArrayList<>();
        for (LbCertificate c : due) {
            progress.accept("ordering a " + c.keyType().id() + " certificate for " + String.join(", ", c.names())
                    + " (the current one expires " + c.notAfter() + ")");
            writePrivate(c.file(), issuer.issue(c.names(), c.keyType()));
            progress.accept("wrote " + c.file());
            written.add(c.file());
        }
        return written;
    }

    /** The account key in {@code file}; a new ECDSA P-256 key is made and saved (mode 0600) when it is absent. */
    public static KeyPair accountKey(Path file, Consumer<String> progress) {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider()); // acme4j's PEM key reading asks for it by name
        }
        try {
            if (Files.exists(file)) {
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
                    return KeyPairUtils.readKeyPair(r);
                } catch (IOException | RuntimeException e) {
                    throw new IllegalArgumentException(file + " holds no PEM key pair (the ACME account key): "
                            + e.getMessage(), e);
                }
            }
            KeyPair key = KeyPairUtils.createECKeyPair("secp256r1");
            java.io.StringWriter pem = new java.io.StringWriter();
            try (Writer w = pem) {
                KeyPairUtils.writeKeyPair(key, w);
            }
            writePrivate(file, pem.toString());
            progress.accept("made a new ACME account key in " + file + " (keep it: it is the account)");
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file + ": " + e.getMessage(), e);
        }
    }

    static void writePrivate(Path file, String text) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".new",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(tmp, text, StandardCharsets.US_ASCII);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
