/**
 * The Cloudflare adapter of DnsRecords, over Cloudflare's REST API with its rate-limit pauses.
 */
package dev.vigil.watchdog.dns.cloudflare;
