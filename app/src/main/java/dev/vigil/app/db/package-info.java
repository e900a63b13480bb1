/** The application's data source, the Flyway migration run at start-up, and JDBC URLs shown without credentials. */
package dev.vigil.app.db;
