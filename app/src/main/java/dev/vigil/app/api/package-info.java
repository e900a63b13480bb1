/** The Healthchecks-compatible management API (v3) and Vigil's channel extension: JAX-RS resources, the services behind them and their stores. */
package dev.vigil.app.api;
