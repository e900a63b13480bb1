/**
 * The SSH adapter of RemoteHost (JSch): one connection per host and run, host keys verified against known_hosts.
 */
package dev.vigil.provisioning.ssh;
