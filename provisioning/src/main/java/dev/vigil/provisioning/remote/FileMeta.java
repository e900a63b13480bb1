package dev.vigil.provisioning.remote;

/** Ownership and permissions of a remote file, e.g. {@code root root 0644}. */
public record FileMeta(String owner, String group, int mode) {

    public static FileMeta rootOwned(int mode) {
        return new FileMeta("root", "root", mode);
    }

    public String octalMode() {
        return String.format("%04o", mode);
    }

    @Override
    public String toString() {
        return owner + ":" + group + " " + octalMode();
    }
}
