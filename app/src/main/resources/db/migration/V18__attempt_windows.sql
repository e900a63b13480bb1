-- The account side's rate limits (failed logins, wrong second-factor codes, link and invitation requests), shared
-- by every app server. They were counted in each server's memory, so a fleet of N app servers allowed N times the
-- guesses at a six-digit code, and a restart forgot them. A key is the SHA-256 of what it counts by (a client
-- address, an email, a user), so no address is kept in the clear.
CREATE TABLE attempt_windows (
    scope    text        NOT NULL,
    key_hash bytea       NOT NULL,
    started  timestamptz NOT NULL,
    count    integer     NOT NULL CHECK (count > 0),
    PRIMARY KEY (scope, key_hash)
);

-- the windows that have passed are deleted by scope
CREATE INDEX attempt_windows_started ON attempt_windows (scope, started);
