package dev.vigil.provisioning.task;

import java.util.Optional;

/**
 * What a task found or did: its status, a one-line message (what changed, or why it failed) and, for files, the
 * unified diff between the server's content and the wanted content.
 */
public record TaskResult(String task, TaskStatus status, String message, Optional<String> diff) {

    public static TaskResult ok(Task task) {
        return new TaskResult(task.name(), TaskStatus.OK, "", Optional.empty());
    }

    public static TaskResult ok(Task task, String note) {
        return new TaskResult(task.name(), TaskStatus.OK, note, Optional.empty());
    }

    public static TaskResult changed(Task task, String message) {
        return new TaskResult(task.name(), TaskStatus.CHANGED, message, Optional.empty());
    }

    public static TaskResult changed(Task task, String message, String diff) {
        return new TaskResult(task.name(), TaskStatus.CHANGED, message,
                diff == null || diff.isEmpty() ? Optional.empty() : Optional.of(diff));
    }

    public static TaskResult failed(Task task, String message) {
        return new TaskResult(task.name(), TaskStatus.FAILED, message, Optional.empty());
    }

    public boolean changed() {
        return status == TaskStatus.CHANGED;
    }
}
