/**
 * When a down check's notifications wait: dependencies (a check whose dependency is down is held, and told only if
 * it is still down when the dependency is back) and maintenance windows. Plain Java; the alert sender applies
 * {@link dev.vigil.app.holds.AlertHold} when it fans flips out and when it releases held alerts.
 */
package dev.vigil.app.holds;
