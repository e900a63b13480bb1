package dev.vigil.wireguard.key;

import org.bouncycastle.math.ec.rfc7748.X25519;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * WireGuard keys made in Java, for offline use (a host built from an image, tests): a clamped X25519 private key
 * and its public key, both base64 as {@code wg genkey} and {@code wg pubkey} print them. Hosts make their own keys
 * with {@code wg genkey}; these are for when no host is at hand.
 */
public final class WgKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private WgKeys() {
    }

    /** A new private key, as {@code wg genkey} prints one. */
    public static String generatePrivate() {
        byte[] k = new byte[X25519.SCALAR_SIZE];
        X25519.generatePrivateKey(RANDOM, k);
        return Base64.getEncoder().encodeToString(k);
    }

    /** The public key of {@code privateKey} (base64), as {@code wg pubkey} prints it. */
    public static String publicOf(String privateKey) {
        byte[] k = decode(privateKey, "private key");
        byte[] pub = new byte[X25519.POINT_SIZE];
        X25519.generatePublicKey(k, 0, pub, 0);
        return Base64.getEncoder().encodeToString(pub);
    }

    /** A WireGuard key's form: 32 bytes in base64 (44 characters); throws naming {@code what} otherwise. */
    public static byte[] decode(String key, String what) {
        byte[] k;
        try {
            k = Base64.getDecoder().decode(key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not base64");
        }
        if (k.length != 32) {
            throw new IllegalArgumentException(what + " must be 32 bytes in base64 (44 characters), not " + k.length
                    + " bytes");
        }
        return k;
    }
}
