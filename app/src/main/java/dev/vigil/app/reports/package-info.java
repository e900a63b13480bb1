/** Periodic email reports of each project's checks and their downtime. */
package dev.vigil.app.reports;
