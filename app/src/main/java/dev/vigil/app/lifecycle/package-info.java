/** Start and stop: the schema migrated before any request, and requests in flight drained before the application goes away. */
package dev.vigil.app.lifecycle;
