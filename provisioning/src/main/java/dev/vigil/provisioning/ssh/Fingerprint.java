package dev.vigil.provisioning.ssh;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** OpenSSH-style host key facts: {@code SHA256:...} fingerprints and the algorithm named inside a key blob. */
public final class Fingerprint {

    private Fingerprint() {
    }

    /** As {@code ssh-keygen -lf} prints it: SHA-256 of the key blob, base64 without padding. */
    public static String sha256(byte[] keyBlob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyBlob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key type a blob starts with, e.g. {@code ssh-ed25519}. */
    public static String keyType(byte[] keyBlob) {
        ByteBuffer b = ByteBuffer.wrap(keyBlob);
        if (b.remaining() < 4) {
            throw new IllegalArgumentException("key blob too short");
        }
        int length = b.getInt();
        if (length <= 0 || length > b.remaining() || length > 64) {
            throw new IllegalArgumentException("not an SSH public key blob");
        }
        byte[] name = new byte[length];
        b.get(name);
        return new String(name, StandardCharsets.US_ASCII);
    }
}
