package dev.vigil.provisioning.ssh;

import dev.vigil.provisioning.remote.RemoteCommandException;

import java.util.Optional;

/**
 * Trust on first use, done by an operator: {@link #fetch} connects only far enough to see the server's host key
 * (no authentication happens with an unverified key), {@link #record} appends it to known_hosts.
 */
public final class HostKeyTrust {

    private HostKeyTrust() {
    }

    /** The key the server presents, and whether known_hosts already has it (or a different one). */
    public record PresentedKey(String hostKeyName, String type, byte[] blob, Status status, Optional<String> known) {
        public String fingerprint() {
            return Fingerprint.sha256(blob);
        }
    }

    public enum Status { NEW, ALREADY_TRUSTED, CHANGED }

    public static PresentedKey fetch(SshTarget target) {
        KnownHostsFile known = KnownHostsFile.read(target.knownHosts());
        try {
            SshRemoteHost.connect(target, known).disconnect();
        } catch (HostKeyException e) {
            // expected for a new or changed key: the check ran, the key was captured
        } catch (RemoteCommandException e) {
            if (known.lastPresented().isEmpty()) {
                throw e; // never got as far as the key exchange
            }
        }
        KnownHostsFile.Presented p = known.lastPresented().orElseThrow(() ->
                new RemoteCommandException("cannot read the host key of " + target));
        Status status = switch (p.verdict()) {
            case com.jcraft.jsch.HostKeyRepository.OK -> Status.ALREADY_TRUSTED;
            case com.jcraft.jsch.HostKeyRepository.NOT_INCLUDED -> Status.NEW;
            default -> Status.CHANGED;
        };
        Optional<String> old = known.knownFingerprints(p.host(), p.type()).stream().findFirst();
        return new PresentedKey(p.host(), p.type(), p.key(), status, old);
    }

    /** Appends the key; refuses a changed key (that needs a human to delete the old line first). */
    public static void record(SshTarget target, PresentedKey key) {
        if (key.status() == Status.CHANGED) {
            throw new HostKeyException(HostKeyException.Reason.CHANGED, "the host key of " + target
                    + " changed (known " + key.known().orElse("?") + ", presented " + key.fingerprint()
                    + "); remove the old line from " + target.knownHosts() + " first if the change is expected",
                    key.fingerprint());
        }
        if (key.status() == Status.NEW) {
            KnownHostsFile.append(target.knownHosts(), key.hostKeyName(), key.blob());
        }
    }
}
