package dev.vigil.watchdog;

/** A DNS change the rules decided on: take a target's records out of every name, or put them back. */
public record Change(Kind kind, Target target, String reason) {

    public enum Kind { REMOVE, RESTORE }

    public String describe() {
        return (kind == Kind.REMOVE ? "remove " : "restore ") + target.recordType() + " " + target + ": " + reason;
    }
}
