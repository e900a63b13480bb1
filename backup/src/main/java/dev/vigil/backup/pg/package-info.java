/**
 * The PostgreSQL programs a backup drives (pg_dump, pg_restore, psql) and how to reach the server.
 */
package dev.vigil.backup.pg;
