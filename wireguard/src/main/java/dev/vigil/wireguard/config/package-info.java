/**
 * The typed wg0.conf and wg0 nftables table, their renderers and the real tools that check them.
 */
package dev.vigil.wireguard.config;
