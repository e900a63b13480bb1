package dev.vigil.openpgp;

import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPKeyReader;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/**
 * Streams data into an OpenPGP message encrypted to one or more public keys: AES-256 in a SEIPD v1 packet
 * with MDC, the format every GnuPG since 1.4 decrypts (no v6 keys, no AEAD packets, which GnuPG 2.2 lacks).
 * Nothing is compressed: a {@code pg_dump --format=custom} archive already is.
 */
public final class Encryptor {

    private static final int PACKET_BUFFER = 1 << 16; // partial-length packets: the size need not be known

    private final List<PGPPublicKey> keys;
    private final List<Recipient> recipients;
    private final SecureRandom random = new SecureRandom();

    private Encryptor(List<PGPPublicKey> keys, List<Recipient> recipients) {
        this.keys = keys;
        this.recipients = recipients;
    }

    /**
     * Reads each file (armored or binary, one or more certificates) and encrypts to all of them. A file that
     * cannot be used is named in the error.
     */
    public static Encryptor forKeyFiles(List<Path> publicKeyFiles) {
        List<PGPPublicKey> keys = new ArrayList<>();
        List<Recipient> recipients = new ArrayList<>();
        for (Path file : publicKeyFiles) {
            try {
                addCertificates(Files.readAllBytes(file), keys, recipients);
            } catch (IOException e) {
                throw new OpenPgpException(file + ": cannot read it: " + e.getMessage(), e);
            } catch (OpenPgpException e) {
                throw new OpenPgpException(file + ": " + e.getMessage(), e);
            }
        }
        return of(keys, recipients);
    }

    private static Encryptor of(List<PGPPublicKey> keys, List<Recipient> recipients) {
        if (keys.isEmpty()) {
            throw new OpenPgpException("no recipient: give at least one public key to encrypt to");
        }
        return new Encryptor(List.copyOf(keys), List.copyOf(recipients));
    }

    private static void addCertificates(byte[] data, List<PGPPublicKey> keys, List<Recipient> recipients) {
        List<OpenPGPCertificate> certificates;
        try {
            certificates = new OpenPGPKeyReader().parseKeysOrCertificates(data);
        } catch (IOException | RuntimeException e) {
            // Bouncy Castle's own words name its classes, not the problem
            throw new OpenPgpException("not an OpenPGP public key (export one with gpg --armor --export KEYID)", e);
        }
        if (certificates.isEmpty()) {
            throw new OpenPgpException("not an OpenPGP public key (export one with gpg --armor --export KEYID)");
        }
        for (OpenPGPCertificate cert : certificates) {
            PGPPublicKey key = encryptionKey(cert);
            keys.add(key);
            OpenPGPCertificate.OpenPGPUserId uid = cert.getPrimaryUserId();
            recipients.add(new Recipient(KeyIds.keyId(key.getKeyID()),
                    KeyIds.fingerprint(cert.getFingerprint()), uid == null ? "" : uid.getUserId()));
        }
    }

    /** Like GnuPG, the newest valid encryption subkey; an expired or revoked one is not used. */
    private static PGPPublicKey encryptionKey(OpenPGPCertificate cert) {
        List<OpenPGPCertificate.OpenPGPComponentKey> candidates = cert.getEncryptionKeys();
        OpenPGPCertificate.OpenPGPComponentKey newest = candidates.stream()
                .filter(k -> k.getVersion() == 4) // v6 keys need PKESK v6, which GnuPG 2.2 cannot read
                .max(Comparator.comparing(OpenPGPCertificate.OpenPGPComponentKey::getCreationTime))
                .orElseThrow(() -> new OpenPgpException("key " + KeyIds.fingerprint(cert.getFingerprint())
                        + " has no usable encryption subkey (expired, revoked, or not a v4 key)"));
        return newest.getPGPPublicKey();
    }

    public List<Recipient> recipients() {
        return recipients;
    }

    /**
     * Returns a stream whose bytes are encrypted into {@code ciphertext}. Closing it writes the integrity
     * packet and ends the message, but leaves {@code ciphertext} open.
     */
    public OutputStream encrypt(OutputStream ciphertext, String fileName, Instant modified) throws IOException {
        PGPEncryptedDataGenerator encryption = new PGPEncryptedDataGenerator(
                new JcePGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                        .setWithIntegrityPacket(true)
                        .setSecureRandom(random));
        for (PGPPublicKey key : keys) {
            encryption.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(key).setSecureRandom(random));
        }
        OutputStream encrypted;
        try {
            encrypted = encryption.open(new NonClosing(ciphertext), new byte[PACKET_BUFFER]);
        } catch (PGPException e) {
            throw new IOException("cannot start OpenPGP encryption: " + e.getMessage(), e);
        }
        PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
        OutputStream plain = literal.open(encrypted, PGPLiteralData.BINARY, fileName,
                Date.from(modified), new byte[PACKET_BUFFER]);
        return new FilterOutputStream(plain) {
            private boolean closed;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    literal.close();
                    encryption.close();
                }
            }
        };
    }

    /** Keeps the generators from closing the stream underneath, which belongs to the caller. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
