/**
 * The RFC 2136 adapter of DnsRecords: TSIG-signed dynamic updates (BIND and friends) through dnsjava.
 */
package dev.vigil.watchdog.dns.rfc2136;
