package dev.vigil.provisioning.task;

/** The outcome of one task on one host. In check mode CHANGED means "would change". */
public enum TaskStatus { OK, CHANGED, FAILED }
