/**
 * The object store port of backups and its S3 adapter: streamed multipart uploads with bounded memory, listings,
 * incomplete uploads.
 */
package dev.vigil.backup.store;
