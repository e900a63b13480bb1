/** {@code ops run}: any command run under a Vigil check, with its output, exit status and timeout reported. */
package dev.vigil.ops.run;
