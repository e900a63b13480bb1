/** Fixtures the modules' tests share: a PostgreSQL database per run, waiting with a deadline, golden files. */
package dev.vigil.testsupport;
