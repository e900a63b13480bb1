package dev.vigil.provisioning.secrets;

/** The secrets file could not be read or written; the message is one line and never holds a secret. */
public final class SecretsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SecretsException(String message) {
        super(message);
    }

    public SecretsException(String message, Throwable cause) {
        super(message, cause);
    }
}
