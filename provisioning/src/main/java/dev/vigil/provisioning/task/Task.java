package dev.vigil.provisioning.task;

/**
 * One idempotent step of a host's recipe: it looks at the server, and changes it only when it differs from what
 * is wanted. In check mode it only looks, and reports what it would change.
 */
public interface Task {

    /** What the task ensures, e.g. {@code package cron installed}; unique within a host's recipe. */
    String name();

    /** Brings the host in line (or, in check mode, reports the difference). Failures may be thrown. */
    TaskResult apply(TaskContext context);
}
