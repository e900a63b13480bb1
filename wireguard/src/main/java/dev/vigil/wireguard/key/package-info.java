/**
 * WireGuard X25519 keys made in Java (the same as wg genkey and wg pubkey) and the public-keys file beside the
 * inventory.
 */
package dev.vigil.wireguard.key;
