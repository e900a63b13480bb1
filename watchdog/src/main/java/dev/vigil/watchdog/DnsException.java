package dev.vigil.watchdog;

/** A DNS provider refused or could not be reached; the message says which and why. */
public class DnsException extends RuntimeException {

    public DnsException(String message) {
        super(message);
    }

    public DnsException(String message, Throwable cause) {
        super(message, cause);
    }
}
