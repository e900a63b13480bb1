/**
 * Encrypted PostgreSQL backups to S3-compatible storage: run, list, restore, verify and prune, and what each
 * reports.
 */
package dev.vigil.backup;
