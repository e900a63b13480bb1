/** Load-balancer probes, the health state machine and DNS providers (RFC 2136, Cloudflare). */
package dev.vigil.watchdog;
