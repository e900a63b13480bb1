/** Notification channel kinds (email, webhook, Slack, ...), their settings, the outgoing HTTP client and its address guard. */
package dev.vigil.app.notify;
