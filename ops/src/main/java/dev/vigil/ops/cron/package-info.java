/**
 * The ops cron commands: next fire times and plain-words explanations of cron and OnCalendar expressions.
 */
package dev.vigil.ops.cron;
