package dev.vigil.provisioning.run;

import dev.vigil.provisioning.task.TaskResult;
import dev.vigil.provisioning.task.TaskStatus;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What happened on one host: each task's result, or the error that stopped the host before or between tasks
 * (unreachable, changed host key).
 */
public record HostReport(String host, List<TaskResult> results, Optional<String> error, Duration took) {

    public HostReport {
        results = List.copyOf(results);
    }

    public long count(TaskStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    public boolean failed() {
        return error.isPresent() || count(TaskStatus.FAILED) > 0;
    }
}
