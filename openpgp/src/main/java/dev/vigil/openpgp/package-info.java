/** OpenPGP encryption to public keys and decryption with a secret key, readable by GnuPG both ways (Bouncy Castle). */
package dev.vigil.openpgp;
