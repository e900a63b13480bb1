/**
 * Secrets of the fleet: the OpenPGP-encrypted secrets file beside the inventory and the values recipes read from
 * it.
 */
package dev.vigil.provisioning.secrets;
