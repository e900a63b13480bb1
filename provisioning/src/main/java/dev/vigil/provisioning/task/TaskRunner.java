package dev.vigil.provisioning.task;

import dev.vigil.provisioning.remote.RemoteCommandException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a host's tasks in order: each task's plan is made on the host as the tasks before it left it, then, in
 * {@link Mode#APPLY}, applied; in {@link Mode#PLAN} (a dry run) it is only reported. This is the only place that
 * knows the difference. The first failure stops the host: later tasks build on earlier ones (a unit on its
 * package, a config on its folder), so going on would only pile up consequential errors.
 */
public final class TaskRunner {

    /** Show what would change and touch nothing, or bring the host in line. */
    public enum Mode { PLAN, APPLY }

    private TaskRunner() {
    }

    public static List<TaskResult> run(TaskContext context, List<? extends Task> tasks, Mode mode) {
        List<TaskResult> results = new ArrayList<>();
        for (Task task : tasks) {
            TaskResult r;
            try {
                r = settle(task.name(), task.plan(context), mode);
            } catch (RemoteCommandException | IllegalStateException | IllegalArgumentException e) {
                r = new TaskResult(task.name(), TaskStatus.FAILED, e.getMessage(), Optional.empty());
            }
            context.record(r);
            results.add(r);
            if (r.status() == TaskStatus.FAILED) {
                break;
            }
        }
        return List.copyOf(results);
    }

    private static TaskResult settle(String task, Plan plan, Mode mode) {
        if (plan.isEmpty()) {
            return new TaskResult(task, TaskStatus.OK, plan.note(), plan.diff());
        }
        String message = plan.summary() + (plan.note().isEmpty() ? "" : "; " + plan.note());
        if (mode == Mode.PLAN) {
            // the host may lack what earlier tasks would install (the program a unit starts): a note, and the
            // real run looks again and stops there if it still holds
            return new TaskResult(task, TaskStatus.CHANGED, message + plan.blocker().map(b -> "; NOTE: " + b
                    + " on the host as it is now").orElse(""), plan.diff());
        }
        if (plan.blocker().isPresent()) {
            return new TaskResult(task, TaskStatus.FAILED, plan.blocker().get() + "; nothing changed", plan.diff());
        }
        try {
            for (Change c : plan.changes()) {
                c.action().apply();
            }
        } catch (RemoteCommandException | IllegalStateException e) {
            return new TaskResult(task, TaskStatus.FAILED, e.getMessage(), plan.diff());
        }
        return new TaskResult(task, TaskStatus.CHANGED, message, plan.diff());
    }
}
