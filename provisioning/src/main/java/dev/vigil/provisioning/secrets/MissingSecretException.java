package dev.vigil.provisioning.secrets;

/** A recipe needs a secret that the secrets file does not hold. */
public final class MissingSecretException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public MissingSecretException(String message) {
        super(message);
    }
}
