package dev.vigil.app.accounts;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Password hashes: PBKDF2-HMAC-SHA256 from the JDK at OWASP's 600,000 iterations with a 16-byte salt per user,
 * stored as Django's {@code pbkdf2_sha256$<iterations>$<salt>$<hash>} (so that a hash states its own cost and a
 * later raise of the count leaves older hashes verifiable).
 */
public final class Passwords {

    public static final int ITERATIONS = 600_000;
    private static final String PREFIX = "pbkdf2_sha256";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Verified against when the email is unknown, so that a wrong email takes as long as a wrong password. */
    private static final String DUMMY = hash("not a password".toCharArray());

    private Passwords() {
    }

    public static String hash(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String saltText = Base64.getEncoder().withoutPadding().encodeToString(salt);
        return PREFIX + "$" + ITERATIONS + "$" + saltText + "$" + derive(password, saltText, ITERATIONS);
    }

    /** Whether {@code password} matches {@code stored}; false for a hash in any other format. */
    public static boolean verify(String stored, char[] password) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return false;
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return false;
        }
        return MessageDigest.isEqual(derive(password, parts[2], iterations).getBytes(),
                parts[3].getBytes());
    }

    /** Spends the time of one verification and answers false. */
    static boolean verifyNothing(char[] password) {
        verify(DUMMY, password);
        return false;
    }

    private static String derive(char[] password, String salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt.getBytes(), iterations, 256);
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            spec.clearPassword();
            return Base64.getEncoder().encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        }
    }
}
