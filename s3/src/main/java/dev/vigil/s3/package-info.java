/** Where an S3-compatible storage is, how to sign in, and the one client set-up that the app and the backups share. */
package dev.vigil.s3;
