package dev.vigil.app.accounts;

/** A sign-up or login the pages refuse, with the message to show (never one that tells whether an email exists). */
public final class AccountException extends RuntimeException {

    private final boolean tooMany;

    AccountException(String message, boolean tooMany) {
        super(message, null, false, false);
        this.tooMany = tooMany;
    }

    /** Whether the refusal is a rate limit (HTTP 429) rather than bad input. */
    public boolean tooMany() {
        return tooMany;
    }
}
