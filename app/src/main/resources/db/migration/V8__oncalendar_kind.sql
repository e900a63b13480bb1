-- OnCalendar schedules: a third kind of check. The schedule column keeps the lines as written (newline-separated).
-- Safe during a rolling deploy: the previous release reads an 'oncalendar' row as a simple check (its period).
ALTER TABLE checks DROP CONSTRAINT checks_kind_check;
ALTER TABLE checks ADD CONSTRAINT checks_kind_check CHECK (kind IN ('simple', 'cron', 'oncalendar'));
