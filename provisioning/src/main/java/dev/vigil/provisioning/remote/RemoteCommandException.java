package dev.vigil.provisioning.remote;

/** A remote operation could not be done: connection lost, timeout, or a command that had to succeed failed. */
public class RemoteCommandException extends RuntimeException {

    public RemoteCommandException(String message) {
        super(message);
    }

    public RemoteCommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
