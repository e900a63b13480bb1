/**
 * How the watchdog tells people: webhook posts of its alerts (its own heartbeat goes through the Vigil client).
 */
package dev.vigil.watchdog.notify;
