/** The Vigil service as a Jakarta EE application: its JAX-RS application class; the domain and adapters live in the subpackages. */
package dev.vigil.app;
