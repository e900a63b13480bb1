package dev.vigil.provisioning.task;

import dev.vigil.provisioning.remote.RemoteHost;

import java.util.HashMap;
import java.util.Map;

/** One host's run: the host, and what the run has done (or, in a dry run, would do) so far. */
public final class TaskContext {

    private final RemoteHost host;
    private final Map<String, TaskResult> results = new HashMap<>();
    private boolean aptListsFresh;

    public TaskContext(RemoteHost host) {
        this.host = host;
    }

    public RemoteHost host() {
        return host;
    }

    /** Runs {@code apt-get update} at most once per host and run; for the actions of plans that install. */
    public void refreshAptListsOnce() {
        if (!aptListsFresh) {
            host.check("apt-get update -qq");
            aptListsFresh = true;
        }
    }

    void record(TaskResult result) {
        results.put(result.task(), result);
    }

    /**
     * Whether {@code task} already ran in this run and changed something, or would have in a dry run (to restart
     * services after their configuration changed).
     */
    public boolean changedInThisRun(Task task) {
        TaskResult r = results.get(task.name());
        return r != null && r.changed();
    }
}
