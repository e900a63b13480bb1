package dev.vigil.app.api;

import dev.vigil.app.checks.StatusNow;

/** A stored check with its status now. */
public record CheckView(CheckRow row, StatusNow status) {
}
