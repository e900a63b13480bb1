package dev.vigil.openpgp;

import java.io.IOException;

/** The decrypted message failed its integrity check: the ciphertext was corrupted or tampered with. */
public final class IntegrityException extends IOException {

    private static final long serialVersionUID = 1L;

    public IntegrityException(String message) {
        super(message);
    }
}
