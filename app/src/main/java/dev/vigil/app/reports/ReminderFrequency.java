package dev.vigil.app.reports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How often a user is reminded while any check they can see is down ({@code users.nag_period}). */
public enum ReminderFrequency {
    OFF("Off"),
    HOURLY("Every hour"),
    DAILY("Every day");

    private final String label;

    ReminderFrequency(String label) {
        this.label = label;
    }

    /** The stored and the form's value: "off", "hourly", "daily". */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    /** "every hour", "every day": for the reminder's own words. */
    public String inWords() {
        return label.toLowerCase(Locale.ROOT);
    }

    /** The frequency a stored or form value names; empty for anything else. */
    public static Optional<ReminderFrequency> of(String value) {
        return Arrays.stream(values()).filter(f -> f.value().equals(value)).findFirst();
    }
}
