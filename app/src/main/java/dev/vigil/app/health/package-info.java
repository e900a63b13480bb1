/** The load balancers' health check, the maintenance file that drains a server, and the version endpoint. */
package dev.vigil.app.health;
