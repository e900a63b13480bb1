-- What the management API needs beyond the core tables.

-- Each check has its own public badge (/b/2/<badge_key>.svg), independent of its ping UUID, so that
-- publishing a badge never reveals the URL that pings the check.
ALTER TABLE checks ADD COLUMN badge_key uuid NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX checks_badge_key_idx ON checks (badge_key);
