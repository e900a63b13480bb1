/**
 * The load balancers' HAProxy configuration as a typed model built from the inventory, its one renderer and
 * validator, the runtime API and ACME issuance.
 */
package dev.vigil.haproxy;
