/** Ping bodies above a threshold: spooled to local disk on the request path, uploaded to S3-compatible object storage, read back from either. */
package dev.vigil.app.bodies;
