package dev.vigil.provisioning.ssh;

import dev.vigil.provisioning.remote.RemoteCommandException;

/** The server's host key is not the one in known_hosts (or not there at all): the connection was refused. */
public final class HostKeyException extends RemoteCommandException {

    public enum Reason { UNKNOWN, CHANGED, REVOKED }

    private final Reason reason;
    private final String presentedFingerprint;

    HostKeyException(Reason reason, String message, String presentedFingerprint) {
        super(message);
        this.reason = reason;
        this.presentedFingerprint = presentedFingerprint;
    }

    public Reason reason() {
        return reason;
    }

    public String presentedFingerprint() {
        return presentedFingerprint;
    }
}
