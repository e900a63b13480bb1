/**
 * Accounts for the web pages: users, project memberships and login sessions as JPA entities through EclipseLink
 * (the persistence boundary in docs/architecture.md), password hashing, and the login rate limits. Projects stay
 * on their JDBC store ({@link dev.vigil.app.api.ProjectStore}), reached in the same transaction through the
 * entity manager's connection.
 */
package dev.vigil.app.accounts;
