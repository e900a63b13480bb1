/**
 * Accounts for the web pages: users, project memberships and login sessions as JPA entities through EclipseLink
 * (the persistence boundary in docs/architecture.md), password hashing, and the rate limits (counted in PostgreSQL
 * by {@link dev.vigil.app.accounts.Attempts}, so that every app server shares them). Projects stay on their JDBC
 * store ({@link dev.vigil.app.api.ProjectStore}), reached in the same transaction through the entity manager's
 * connection.
 */
package dev.vigil.app.accounts;
