package dev.vigil.openpgp;

/**
 * A key or a message could not be used. The message is one line meant to follow "cannot decrypt X: " (or the
 * option that named the key file), names the keys involved and never holds a passphrase or plaintext.
 */
public class OpenPgpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OpenPgpException(String message) {
        super(message);
    }

    public OpenPgpException(String message, Throwable cause) {
        super(message, cause);
    }
}
