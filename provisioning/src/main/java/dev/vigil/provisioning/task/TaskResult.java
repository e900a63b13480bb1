package dev.vigil.provisioning.task;

import java.util.Optional;

/**
 * What a task found or did: its status, a one-line message (what changed or would change, or why it failed) and,
 * for files, the unified diff between the server's content and the wanted content.
 */
public record TaskResult(String task, TaskStatus status, String message, Optional<String> diff) {

    public boolean changed() {
        return status == TaskStatus.CHANGED;
    }
}
