/** The alert sender: marks due checks down, fans flips out into notifications and delivers each once, from any number of app servers. */
package dev.vigil.app.alerts;
