-- The alert sender now looks at every check whose alert time has come and that is not down yet: a new or paused
-- check that was sent /start and never finished goes down too, as in Healthchecks (StatusNow is the one rule). The
-- old index covered up checks only. Down checks never have an alert time, so the index needs no status: that also
-- keeps the status column out of the index, which a heap-only (HOT) update of a ping cares about. The previous
-- version's query (alert_after <= now() AND status IN ('up', 'grace')) implies this predicate and uses the index too.
CREATE INDEX checks_alert_due_idx ON checks (alert_after) WHERE alert_after IS NOT NULL;
DROP INDEX checks_alert_after_idx;
