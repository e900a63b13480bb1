/** Prometheus metrics: Healthchecks' per-project check metrics and the operators' own gauges. */
package dev.vigil.app.metrics;
