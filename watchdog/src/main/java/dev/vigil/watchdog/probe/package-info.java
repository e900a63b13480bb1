/**
 * The watchdog's probes of a load balancer: HTTPS through a plain socket to one address, with its own trust store.
 */
package dev.vigil.watchdog.probe;
