/**
 * Idempotent host tasks: each looks at a server and returns a {@link dev.vigil.provisioning.task.Plan} of
 * {@link dev.vigil.provisioning.task.Change}s, which {@link dev.vigil.provisioning.task.TaskRunner}, the one place
 * that knows a dry run from a real one, reports or applies.
 */
package dev.vigil.provisioning.task;
