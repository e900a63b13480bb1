/** Cron (Debian semantics) and period schedules: parsing with clear errors, next fire times across time zones, descriptions. */
package dev.vigil.schedule;
