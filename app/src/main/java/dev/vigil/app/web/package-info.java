/**
 * The web pages: JAX-RS resources that render precompiled jte templates ({@code src/main/jte}) through the one
 * {@link dev.vigil.app.web.PageWriter}, the session and CSRF filter ({@link dev.vigil.app.web.WebFilter}), the
 * security headers on every response and the static files (CSS, the dashboard's small script). Pages call the same
 * services the management API calls; accounts live in {@link dev.vigil.app.accounts}.
 */
package dev.vigil.app.web;
