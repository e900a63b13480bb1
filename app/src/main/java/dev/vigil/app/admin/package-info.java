/** The token-guarded bootstrap endpoint that creates a user's first project and API keys without a user interface. */
package dev.vigil.app.admin;
