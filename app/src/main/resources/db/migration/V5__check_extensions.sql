-- Vigil's extensions of the check (docs/api.md, "Vigil extensions").

-- Alert only at the Nth failure in a row (1: at the first, as Healthchecks does).
ALTER TABLE checks ADD COLUMN alert_after_failures integer NOT NULL DEFAULT 1
    CHECK (alert_after_failures BETWEEN 1 AND 100);
ALTER TABLE checks ADD COLUMN failures_in_a_row integer NOT NULL DEFAULT 0;
-- How long a started run may take before the check goes down (null: the grace time).
ALTER TABLE checks ADD COLUMN start_deadline_s integer CHECK (start_deadline_s BETWEEN 60 AND 31536000);

-- The operators' gauge of recent delivery failures counts by time.
CREATE INDEX notification_attempts_created_idx ON notification_attempts (created);
