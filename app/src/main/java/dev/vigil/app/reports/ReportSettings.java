package dev.vigil.app.reports;

/** A user's email-report settings: how often the report comes, and the reminders while a check is down. */
public record ReportSettings(ReportFrequency reports, ReminderFrequency reminders) {
}
