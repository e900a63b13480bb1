package dev.vigil.provisioning.task;

import dev.vigil.provisioning.remote.RemoteCommandException;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a host's tasks in order. The first failure stops the host: later tasks build on earlier ones (a unit on
 * its package, a config on its folder), so going on would only pile up consequential errors.
 */
public final class TaskRunner {

    private TaskRunner() {
    }

    public static List<TaskResult> run(TaskContext context, List<? extends Task> tasks) {
        List<TaskResult> results = new ArrayList<>();
        for (Task task : tasks) {
            TaskResult r;
            try {
                r = task.apply(context);
            } catch (RemoteCommandException | IllegalStateException | IllegalArgumentException e) {
                r = TaskResult.failed(task, e.getMessage());
            }
            context.record(r);
            results.add(r);
            if (r.status() == TaskStatus.FAILED) {
                break;
            }
        }
        return List.copyOf(results);
    }
}
