-- The last "send a test notification" of each channel, for the integrations page: when, how it ended ('sent' or
-- 'failed', '' before the first test) and the receiving end's error. New columns with defaults: the release before
-- this one neither reads nor writes them.
ALTER TABLE channels ADD COLUMN last_test timestamptz;
ALTER TABLE channels ADD COLUMN last_test_outcome text NOT NULL DEFAULT '';
ALTER TABLE channels ADD COLUMN last_test_error text NOT NULL DEFAULT '';
