/**
 * What bin/vigil starts beside the app when nothing is configured, kept under .vigil/: the private development
 * PostgreSQL, and the development mailbox that keeps the mail Vigil sends.
 */
package dev.vigil.devdb;
