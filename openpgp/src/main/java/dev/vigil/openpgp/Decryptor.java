package dev.vigil.openpgp;

import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Decrypts OpenPGP messages with the operator's secret key: the messages {@link Encryptor} writes, and those
 * {@code gpg --encrypt} writes (compressed or not, signed or not). Only integrity-protected messages are
 * accepted, and the end of the returned stream is reached only once the integrity check has passed.
 */
public final class Decryptor implements AutoCloseable {

    private final SecretKey key;
    private final char[] passphrase;

    Decryptor(SecretKey key, char[] passphrase) {
        this.key = key;
        this.passphrase = passphrase;
    }

    /**
     * Reads a secret key file (armored or binary, as {@code gpg --export-secret-keys} writes it). The
     * passphrase is kept by reference, not copied: the caller may clear it once it is done with this object.
     */
    public static Decryptor fromKeyFile(Path secretKeyFile, char[] passphrase) {
        SecretKey key;
        try {
            key = SecretKey.read(secretKeyFile);
        } catch (OpenPgpException e) {
            throw new OpenPgpException("secret key file " + secretKeyFile + ": " + e.getMessage(), e);
        }
        return key.decryptor(passphrase);
    }

    /** The ids of the secret keys at hand, as gpg prints them. */
    public List<String> keyIds() {
        return key.keyIds();
    }

    /** Overwrites the passphrase; the decryptor cannot unlock the key afterwards. */
    @Override
    public void close() {
        java.util.Arrays.fill(passphrase, '\0');
    }

    /**
     * Reads the message's header from {@code ciphertext}, unlocks the matching secret key and returns the
     * plaintext. Fails before returning, with a message naming the keys involved, when the message is not
     * encrypted to this key or the passphrase is wrong. The returned stream throws {@link IntegrityException}
     * instead of reporting its end if the message was modified.
     */
    public InputStream open(InputStream ciphertext) throws IOException {
        BcPGPObjectFactory factory = new BcPGPObjectFactory(PGPUtil.getDecoderStream(ciphertext));
        PGPEncryptedDataList list = null;
        Object object;
        while ((object = factory.nextObject()) != null) {
            if (object instanceof PGPEncryptedDataList l) {
                list = l;
                break;
            }
            if (!(object instanceof PGPMarker)) {
                break;
            }
        }
        if (list == null) {
            throw new OpenPgpException("it is not an OpenPGP encrypted message");
        }
        List<PGPPublicKeyEncryptedData> forKeys = new ArrayList<>();
        for (PGPEncryptedData data : list) {
            if (data instanceof PGPPublicKeyEncryptedData pk) {
                forKeys.add(pk);
            }
        }
        for (PGPPublicKeyEncryptedData data : forKeys) {
            long keyId = data.getKeyIdentifier().getKeyId();
            for (PGPSecretKey secret : key.candidates(keyId)) {
                PGPPrivateKey privateKey = unlock(secret);
                InputStream clear;
                try {
                    // pure-Java AES is faster than pg_restore can take the data, so no JCA provider is needed
                    clear = data.getDataStream(new BcPublicKeyDataDecryptorFactory(privateKey));
                } catch (PGPException e) {
                    if (keyId == 0) {
                        continue; // an anonymous recipient that is not us: try the next key
                    }
                    throw new OpenPgpException("cannot decrypt with key " + KeyIds.keyId(secret.getKeyID())
                            + ": " + e.getMessage(), e);
                }
                if (!data.isIntegrityProtected()) {
                    throw new OpenPgpException("it is not integrity-protected (no MDC); refusing to use it");
                }
                return new VerifyingStream(literalData(clear), data);
            }
        }
        String recipients = forKeys.stream()
                .map(d -> d.getKeyIdentifier().isWildcard() ? "anonymous" : KeyIds.keyId(d.getKeyIdentifier().getKeyId()))
                .collect(Collectors.joining(", "));
        throw new OpenPgpException("it is not encrypted to this key (recipients: "
                + (recipients.isEmpty() ? "none" : recipients) + "; this key: " + String.join(", ", keyIds()) + ")");
    }

    private PGPPrivateKey unlock(PGPSecretKey secret) {
        try {
            return secret.extractPrivateKey(
                    new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(passphrase));
        } catch (PGPException e) {
            String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            String id = KeyIds.keyId(secret.getKeyID()) + key.userIdOf(secret);
            if (message.contains("checksum") || message.contains("passphrase") || message.contains("aead")) {
                throw new OpenPgpException("wrong passphrase for key " + id, e);
            }
            throw new OpenPgpException("cannot unlock key " + id + ": " + e.getMessage(), e);
        }
    }

    /** Finds the literal data inside the decrypted packets, through compression and one-pass signatures. */
    private static InputStream literalData(InputStream clear) throws IOException {
        BcPGPObjectFactory factory = new BcPGPObjectFactory(clear);
        Object object;
        while ((object = factory.nextObject()) != null) {
            if (object instanceof PGPLiteralData literal) {
                return literal.getInputStream();
            }
            if (object instanceof PGPCompressedData compressed) {
                try {
                    factory = new BcPGPObjectFactory(compressed.getDataStream());
                } catch (PGPException e) {
                    throw new IOException("cannot decompress it: " + e.getMessage(), e);
                }
            } else if (!(object instanceof PGPOnePassSignatureList || object instanceof PGPSignatureList
                    || object instanceof PGPMarker)) {
                throw new IOException("unexpected OpenPGP packet in it: " + object.getClass().getSimpleName());
            }
        }
        throw new IOException("it holds no data");
    }

    /** Turns the end of the plaintext into a checkpoint: it is reported only once the MDC matches. */
    private static final class VerifyingStream extends FilterInputStream {
        private final PGPPublicKeyEncryptedData data;
        private boolean verified;

        VerifyingStream(InputStream literal, PGPPublicKeyEncryptedData data) {
            super(literal);
            this.data = data;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            return b < 0 ? end() : b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            return n < 0 ? end() : n;
        }

        private int end() throws IOException {
            if (!verified) {
                boolean ok;
                try {
                    ok = data.verify(); // reads past any trailing signature packets to the MDC
                } catch (PGPException e) {
                    throw new IntegrityException("integrity check failed: " + e.getMessage());
                }
                if (!ok) {
                    throw new IntegrityException(
                            "integrity check failed: the data is corrupted or was modified (OpenPGP MDC mismatch)");
                }
                verified = true;
            }
            return -1;
        }
    }
}
