package dev.vigil.backup;

/**
 * Told how a dump or restore advances: at most about once a second while it runs, and once more at the
 * end with {@link Progress#done()} set. Called from the thread doing the work; keep it quick.
 */
@FunctionalInterface
public interface ProgressListener {

    void onProgress(Progress progress);

    static ProgressListener none() {
        return p -> { };
    }
}
