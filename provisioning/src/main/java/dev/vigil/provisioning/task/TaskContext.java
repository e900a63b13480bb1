package dev.vigil.provisioning.task;

import dev.vigil.provisioning.remote.RemoteHost;

import java.util.HashMap;
import java.util.Map;

/** One host's run: the host, whether this is a dry run, and what the run has done so far. */
public final class TaskContext {

    private final RemoteHost host;
    private final boolean check;
    private final Map<String, TaskResult> results = new HashMap<>();
    private boolean aptListsFresh;

    public TaskContext(RemoteHost host, boolean check) {
        this.host = host;
        this.check = check;
    }

    public RemoteHost host() {
        return host;
    }

    /** True for {@code --check}: look, diff, report; change nothing. */
    public boolean check() {
        return check;
    }

    /** Runs {@code apt-get update} at most once per host and run, and only when something is to be installed. */
    public void refreshAptListsOnce() {
        if (!aptListsFresh) {
            host.check("apt-get update -qq");
            aptListsFresh = true;
        }
    }

    void record(TaskResult result) {
        results.put(result.task(), result);
    }

    /** Whether {@code task} already ran in this run and changed something (to restart services after edits). */
    public boolean changedInThisRun(Task task) {
        TaskResult r = results.get(task.name());
        return r != null && r.changed();
    }
}
