package dev.vigil.provisioning.run;

import dev.vigil.provisioning.ssh.HostKeyTrust;

import java.util.Optional;

/**
 * The decision of {@code ops hosts trust}: given the key a server presents and what the operator said, whether
 * to record it, ask, or refuse. Kept apart from the SSH and terminal code so that every case is tested.
 */
public final class HostTrust {

    /** What to do with a presented key. */
    public enum Verdict {
        /** known_hosts already has this key. */
        ALREADY_TRUSTED,
        /** the key matches --fingerprint, or --yes was given: record it. */
        RECORD,
        /** neither --fingerprint nor --yes: ask the operator. */
        ASK,
        /** known_hosts has another key for this host: a human must remove the old line first. */
        REFUSE_CHANGED,
        /** --fingerprint does not match the presented key. */
        REFUSE_MISMATCH
    }

    /** The operator's answer to "record this key?" (a terminal prompt in the command). */
    @FunctionalInterface
    public interface Confirmation {
        boolean confirm(String question);
    }

    /** The key was not recorded, and why; one line for the operator. */
    public static final class RefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }

    private HostTrust() {
    }

    public static Verdict decide(HostKeyTrust.Status status, String presented, Optional<String> expected,
                                 boolean yes) {
        return switch (status) {
            case ALREADY_TRUSTED -> Verdict.ALREADY_TRUSTED;
            case CHANGED -> Verdict.REFUSE_CHANGED;
            case NEW -> expected.map(fp -> fp.equals(presented) ? Verdict.RECORD : Verdict.REFUSE_MISMATCH)
                    .orElse(yes ? Verdict.RECORD : Verdict.ASK);
        };
    }
}
