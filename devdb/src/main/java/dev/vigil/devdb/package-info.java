/**
 * The private development PostgreSQL that bin/vigil starts when no database is configured, kept under .vigil/.
 */
package dev.vigil.devdb;
