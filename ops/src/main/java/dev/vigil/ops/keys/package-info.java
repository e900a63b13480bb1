/** The command-line options that name an operator's OpenPGP key and where its passphrase comes from. */
package dev.vigil.ops.keys;
