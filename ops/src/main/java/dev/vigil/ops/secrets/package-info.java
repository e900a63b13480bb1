/**
 * The ops secrets commands over the fleet's OpenPGP-encrypted secrets file, and how a secret's value is read.
 */
package dev.vigil.ops.secrets;
