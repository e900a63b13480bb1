/**
 * The role recipes: what each server should look like, as tasks built from the inventory and the secrets, with
 * their files rendered from the typed models of {@code dev.vigil.provisioning.config}; nothing here talks to a
 * server.
 */
package dev.vigil.provisioning.role;
