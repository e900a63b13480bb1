/**
 * Applying the private network to hosts: keys made on each host, wg0.conf and its firewall through the task
 * runner, live verification.
 */
package dev.vigil.wireguard.apply;
