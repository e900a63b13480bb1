/**
 * The ops watchdog commands: the daemon, one probe round and the DNS status, set up from the inventory.
 */
package dev.vigil.ops.watchdog;
