/**
 * The ops lb commands: render a load balancer's haproxy.cfg and list its certificates.
 */
package dev.vigil.ops.lb;
