/** The ping path, the hottest code in the system: URL parsing, two listeners (servlet and Netty) and the group-commit batch writer. */
package dev.vigil.app.ping;
