/**
 * The ops command line: the root command that owns the conventions (errors, exit statuses, suggestions,
 * converters) and its subcommands.
 */
package dev.vigil.ops;
