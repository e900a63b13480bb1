/** The client side of Vigil's ping API: how a job, a backup or the watchdog tells its check what happened. */
package dev.vigil.client;
