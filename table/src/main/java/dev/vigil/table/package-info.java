/** The one table printer for the ops tools' terminal output (backup lists, watchdog status, host reports). */
package dev.vigil.table;
