package dev.vigil.app.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * API keys: 32 characters like Healthchecks' ({@code vgw_} for read-write, {@code vgr_} for read-only, then 28
 * random letters and digits, about 166 bits). Only the SHA-256 of a key is stored; a plain hash is enough because
 * the keys are random, not chosen by people.
 */
public final class ApiKeys {

    public static final int LENGTH = 32;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    public static String generate(boolean readOnly) {
        return (readOnly ? "vgr_" : "vgw_") + randomText(LENGTH - 4);
    }

    /** Random letters and digits, for keys and tokens. */
    public static String randomText(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    public static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
