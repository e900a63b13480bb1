package dev.vigil.app.reports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How often a user gets the periodic report ({@code users.reports}); periods end at midnight UTC. */
public enum ReportFrequency {
    OFF("Off"),
    DAILY("Daily"),
    WEEKLY("Weekly, on Mondays"),
    MONTHLY("Monthly, on the 1st");

    private final String label;

    ReportFrequency(String label) {
        this.label = label;
    }

    /** The stored and the form's value: "off", "daily", "weekly", "monthly". */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    /** The frequency a stored or form value names; empty for anything else. */
    public static Optional<ReportFrequency> of(String value) {
        return Arrays.stream(values()).filter(f -> f.value().equals(value)).findFirst();
    }
}
