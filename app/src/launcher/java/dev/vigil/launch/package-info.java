/** The uber jar's main class: turns Vigil's environment variables into Payara Micro options and starts it. */
package dev.vigil.launch;
