/** Provisioning runs over a fleet: recipes planned and applied (or only shown) on hosts in parallel, and their report. */
package dev.vigil.provisioning.run;
