/**
 * The ops lb commands: render a load balancer's haproxy.cfg, list its certificates, apply it (certificates,
 * haproxy.cfg, reload with the server states), and show, drain or ready app servers through the runtime API.
 */
package dev.vigil.ops.lb;
