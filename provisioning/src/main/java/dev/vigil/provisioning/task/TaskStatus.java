package dev.vigil.provisioning.task;

/** The outcome of one task on one host. In a dry run CHANGED means "would change". */
public enum TaskStatus { OK, CHANGED, FAILED }
