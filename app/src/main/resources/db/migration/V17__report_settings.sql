-- Email-report settings beside the reports of V3 (docs/alerts.md, "Reports"), and the appearance kept with the
-- account (docs/web.md, "Appearance"). Added columns only, with defaults that change nothing, so the release before
-- it runs on this schema during a rolling deploy (it sends no reminders and keeps the appearance in the cookie).

-- Reminders while any check the user can see is down: off, hourly or daily. next_nag is when the next one is due;
-- it is set when a check goes down, claimed and moved on by one statement (so once per period whichever server
-- runs the job) and cleared when nothing is down.
ALTER TABLE users ADD COLUMN nag_period text NOT NULL DEFAULT 'off' CHECK (nag_period IN ('off', 'hourly', 'daily'));
ALTER TABLE users ADD COLUMN next_nag timestamptz;
CREATE INDEX users_next_nag_idx ON users (next_nag) WHERE nag_period <> 'off';

-- The one-click unsubscribe link of reports and reminders (List-Unsubscribe, RFC 8058), like channels' of V3.
ALTER TABLE users ADD COLUMN unsubscribe_token uuid NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX users_unsubscribe_token_idx ON users (unsubscribe_token);

-- Light, dark or following the system; null until chosen while signed in (the browser's cookie then decides).
ALTER TABLE users ADD COLUMN appearance text CHECK (appearance IN ('system', 'light', 'dark'));
