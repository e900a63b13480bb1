/**
 * Typed models of the configuration files provisioning writes, each with its renderer: a plain function from the
 * model to the file's text, checked against golden files in the tests and by the real tool on the host.
 */
package dev.vigil.provisioning.config;
