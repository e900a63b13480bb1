/**
 * The RemoteHost port that tasks run against: commands, files and their results, with shell quoting.
 */
package dev.vigil.provisioning.remote;
