package dev.vigil.app.api;

/** A stored check with the status the API derives for it now. */
public record CheckView(CheckRow row, DerivedStatus status) {
}
