package dev.vigil.openpgp;

import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * An operator's secret key as {@code gpg --export-secret-keys} writes it (armored or binary), read before any
 * passphrase is asked for: so that a wrong file is named as such, and a key without a passphrase needs none.
 */
public final class SecretKey {

    /** Far beyond any real key file, so that a wrong file (a backup, a disk image) cannot eat the heap. */
    private static final long MAX_BYTES = 1 << 20;

    private static final String EXPORT_HINT = "export it with gpg --armor --export-secret-keys KEYID";

    private final PGPSecretKeyRingCollection rings;

    private SecretKey(PGPSecretKeyRingCollection rings) {
        this.rings = rings;
    }

    /** Reads a key file; every failure is an {@link OpenPgpException} saying what the file is instead. */
    public static SecretKey read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new OpenPgpException("more than " + MAX_BYTES + " bytes: not an OpenPGP secret key ("
                        + EXPORT_HINT + ")");
            }
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new OpenPgpException("cannot read it: " + e.getMessage(), e);
        }
    }

    public static SecretKey parse(byte[] data) {
        PGPSecretKeyRingCollection rings;
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(data))) {
            rings = new PGPSecretKeyRingCollection(in, new BcKeyFingerprintCalculator());
        } catch (IOException | PGPException | RuntimeException e) {
            if (isPublicKey(data)) {
                throw new OpenPgpException("this is a public key, which cannot decrypt; give the secret key ("
                        + EXPORT_HINT + ")", e);
            }
            throw new OpenPgpException("not an OpenPGP secret key (" + EXPORT_HINT + ")", e);
        }
        if (rings.size() == 0) {
            throw new OpenPgpException("not an OpenPGP secret key (" + EXPORT_HINT + ")");
        }
        return new SecretKey(rings);
    }

    private static boolean isPublicKey(byte[] data) {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(data))) {
            return new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator()).size() > 0;
        } catch (IOException | PGPException | RuntimeException e) {
            return false;
        }
    }

    /** False when every key that can decrypt is stored without a passphrase ({@code gpg --passphrase ''}). */
    public boolean needsPassphrase() {
        return decryptionKeys().stream()
                .anyMatch(k -> k.getKeyEncryptionAlgorithm() != SymmetricKeyAlgorithmTags.NULL);
    }

    /** The ids of the secret keys at hand, as gpg prints them. */
    public List<String> keyIds() {
        List<String> ids = new ArrayList<>();
        for (Iterator<PGPSecretKeyRing> r = rings.getKeyRings(); r.hasNext(); ) {
            for (Iterator<PGPSecretKey> keys = r.next().getSecretKeys(); keys.hasNext(); ) {
                ids.add(KeyIds.keyId(keys.next().getKeyID()));
            }
        }
        return ids;
    }

    /**
     * A decryptor with this key. The passphrase (none: null) is kept by reference, not copied: the caller may
     * clear it once it is done with the decryptor.
     */
    public Decryptor decryptor(char[] passphrase) {
        return new Decryptor(this, passphrase == null ? new char[0] : passphrase);
    }

    /** The secret keys that can decrypt a message encrypted to {@code keyId} (0: to an anonymous recipient). */
    List<PGPSecretKey> candidates(long keyId) {
        List<PGPSecretKey> found = new ArrayList<>();
        for (PGPSecretKey key : decryptionKeys()) {
            if (keyId == 0 || key.getKeyID() == keyId) {
                found.add(key);
            }
        }
        return found;
    }

    private List<PGPSecretKey> decryptionKeys() {
        List<PGPSecretKey> found = new ArrayList<>();
        for (Iterator<PGPSecretKeyRing> r = rings.getKeyRings(); r.hasNext(); ) {
            for (Iterator<PGPSecretKey> keys = r.next().getSecretKeys(); keys.hasNext(); ) {
                PGPSecretKey key = keys.next();
                if (!key.isPrivateKeyEmpty() && key.getPublicKey().isEncryptionKey()) {
                    found.add(key);
                }
            }
        }
        return found;
    }

    /** " (Name <email>)" of the key's primary user id, or "". */
    String userIdOf(PGPSecretKey secret) {
        PGPSecretKeyRing ring = rings.getSecretKeyRing(secret.getKeyID());
        Iterator<String> uids = ring == null ? null : ring.getPublicKey().getUserIDs();
        return uids != null && uids.hasNext() ? " (" + uids.next() + ")" : "";
    }
}
