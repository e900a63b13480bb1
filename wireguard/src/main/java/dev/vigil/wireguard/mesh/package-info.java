/**
 * The tiered mesh: which hosts are peers and which ports each may reach, derived from the inventory's network
 * policy.
 */
package dev.vigil.wireguard.mesh;
