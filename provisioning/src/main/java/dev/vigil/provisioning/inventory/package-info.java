/**
 * The inventory (ops.yaml): its typed model, the loader with errors that name file, line and field, and the rules
 * derived from it.
 */
package dev.vigil.provisioning.inventory;
