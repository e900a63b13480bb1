/** The check domain, free of frameworks: how a ping changes a check, when it goes down, and its status at any moment. */
package dev.vigil.app.checks;
