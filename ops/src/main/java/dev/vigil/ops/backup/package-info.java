/**
 * The ops backup commands: thin picocli classes over the backup module, with their storage, database and ping
 * options.
 */
package dev.vigil.ops.backup;
