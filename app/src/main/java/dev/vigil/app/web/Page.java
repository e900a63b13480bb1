package dev.vigil.app.web;

/**
 * A page to render: the jte template's name (relative to {@code src/main/jte}, e.g. {@code "landing.jte"}) and its
 * one parameter, a record made for that page.
 */
public record Page(String template, Object model) {
}
