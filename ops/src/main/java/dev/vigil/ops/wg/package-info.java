/**
 * The ops wg commands: render, keys, apply and verify of the tiered WireGuard network.
 */
package dev.vigil.ops.wg;
