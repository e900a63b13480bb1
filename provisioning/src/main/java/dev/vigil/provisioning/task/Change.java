package dev.vigil.provisioning.task;

/**
 * One step of a {@link Plan}: what it changes, worded the same in a dry run and after it is applied (the runner's
 * label says which), and the action that makes it. Actions throw when they fail.
 */
public record Change(String summary, Action action) {

    /** Makes the change on the host; a failure is thrown (a remote command that failed, a service that died). */
    @FunctionalInterface
    public interface Action {
        void apply();
    }

    public Change {
        if (summary.isBlank()) {
            throw new IllegalArgumentException("a change says what it changes");
        }
    }

    /** The same change, its summary behind {@code prefix} (a part's name inside a composite task). */
    Change prefixed(String prefix) {
        return new Change(prefix + summary, action);
    }
}
